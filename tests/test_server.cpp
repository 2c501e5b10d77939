// dutylist serve: the server runs in this process on a free loopback port and is talked to
// with httplib's client. Every client call has a connection and a read timeout, and every
// server is stopped by its guard, so a failure fails the test instead of hanging it.
#include <doctest/doctest.h>

#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <thread>

#include <nlohmann/json.hpp>

#include "i18n/catalogue.hpp"
#include "server/job_queue.hpp"
#include "server/server.hpp"
#include "server/uploads.hpp"
#include "support/paths.hpp"
#include "support/running_server.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

TEST_CASE("a server stopped at once, before it has answered anything, stops") {
    for (int round = 0; round < 20; ++round) RunningServer running;
}

TEST_CASE("the page and /healthz answer, and the page loads nothing from elsewhere") {
    RunningServer running;
    auto client = running.client();
    auto health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(nlohmann::json::parse(health->body).at("status") == "ok");
    auto page = client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("<html") != std::string::npos);
    CHECK(page->body.find("src=\"http") == std::string::npos);
    CHECK(page->body.find("href=\"http") == std::string::npos);
    CHECK(page->body.find("@import") == std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
    auto missing = client.Get("/nothing-here");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(!error_of(missing).empty());
}

TEST_CASE("convert gives the same JSON as the command line, named after the upload") {
    RunningServer running;
    auto result = upload(running.client(), "/api/convert?to=json", corpus_docx());
    REQUIRE(result);
    CHECK(result->status == 200);
    auto cli = run_dutylist("convert wumachang.docx -t json -o -", corpus("wumachang"));
    REQUIRE(cli.exit_code == 0);
    CHECK(result->body == cli.out);
    CHECK(result->get_header_value("Content-Disposition").find("filename=\"wumachang.json\"") != std::string::npos);
    CHECK(result->get_header_value("Content-Type").starts_with("application/json"));
    CHECK(nlohmann::json::parse(result->get_header_value("X-Dutylist-Warnings")).is_array());
    CHECK(running.leftovers() == 0);
}

TEST_CASE("convert to CSV gives a ZIP of the lists, or one list, as the command line writes them") {
    RunningServer running;
    auto client = running.client();
    auto zip = upload(client, "/api/convert?to=csv", corpus_docx());
    REQUIRE(zip);
    CHECK(zip->status == 200);
    CHECK(zip->body.starts_with("PK"));
    CHECK(zip->get_header_value("Content-Disposition").find("wumachang.csv.zip") != std::string::npos);
    TempDir out;
    REQUIRE(run_dutylist("convert " + quote(corpus("wumachang/wumachang.docx")) + " -t csv -o " + quote(out.path())).exit_code == 0);
    auto basic = upload(client, "/api/convert?to=csv&list=basic", corpus_docx());
    REQUIRE(basic);
    CHECK(basic->status == 200);
    CHECK(basic->body == read_file(out / "wumachang.basic.csv"));
    auto unknown = upload(client, "/api/convert?to=csv&list=nonesuch", corpus_docx());
    REQUIRE(unknown);
    CHECK(unknown->status == 400);
    CHECK(error_of(unknown).find("basic") != std::string::npos);
    auto docx = upload(client, "/api/convert?to=docx", corpus_docx());
    REQUIRE(docx);
    CHECK(docx->status == 200);
    CHECK(docx->body.starts_with("PK"));
    auto format = upload(client, "/api/convert?to=pptx", corpus_docx());
    REQUIRE(format);
    CHECK(format->status == 400);
    CHECK(running.leftovers() == 0);
}

TEST_CASE("inspect names the lists with their counts") {
    RunningServer running;
    auto result = upload(running.client(), "/api/inspect", corpus_docx());
    REQUIRE(result);
    REQUIRE(result->status == 200);
    const auto summary = nlohmann::json::parse(result->body);
    REQUIRE(summary.at("lists").size() == 3);
    CHECK(summary["lists"][0]["kind"] == "basic");
    CHECK(summary["lists"][0]["items"] == 105);
    CHECK(summary["lists"][1]["items"] == 98);
    CHECK(summary["lists"][2]["items"] == 37);
    CHECK(summary.at("findings").is_array());
    CHECK(summary.at("document").at("lists").size() == 3);
    CHECK(summary["lists"][0]["read"] == nlohmann::json{{"text", 105}, {"repaired", 0}, {"ocr", 0}, {"doubtful", 0}, {"below", 70}});
}

TEST_CASE("inspect says how the text was read: items recognised by OCR, and those below 70% confidence") {
    RunningServer running;
    auto client = running.client();
    auto json = upload(client, "/api/convert?to=json", corpus_docx());
    REQUIRE(json);
    REQUIRE(json->status == 200);
    auto document = nlohmann::json::parse(json->body);
    for (int i : {0, 1, 2}) document["lists"][1]["items"][i]["source"]["read"] = "ocr";
    document["lists"][1]["items"][1]["source"]["confidence"] = 42;
    document["lists"][1]["items"][2]["source"]["confidence"] = 91;
    auto result = upload(client, "/api/inspect", document.dump(), "read.json");
    REQUIRE(result);
    REQUIRE_MESSAGE(result->status == 200, result->body);
    const auto read = nlohmann::json::parse(result->body).at("lists").at(1).at("read");
    CHECK(read == nlohmann::json{{"text", 95}, {"repaired", 0}, {"ocr", 3}, {"doubtful", 1}, {"below", 70}});
}

TEST_CASE("diff of two versions gives the revision report") {
    RunningServer running;
    auto client = running.client();
    const std::string merged = read_file(corpus("wumachang/merged/wumachang-merged.docx"));
    httplib::MultipartFormDataItems items{{"old", corpus_docx(), "2024.docx", ""}, {"new", merged, "2025.docx", ""}};
    auto json = client.Post("/api/diff?to=json", items);
    REQUIRE(json);
    CHECK(json->status == 200);
    CHECK(nlohmann::json::parse(json->body).at("lists").size() == 3);
    auto docx = client.Post("/api/diff?to=docx", items);
    REQUIRE(docx);
    CHECK(docx->status == 200);
    CHECK(docx->body.starts_with("PK"));
    // httplib's client percent-decodes header values: the server sent %E4%BF%AE….
    CHECK(docx->get_header_value("Content-Disposition").find("filename*=UTF-8''修订对照表.docx") != std::string::npos);
    auto format = client.Post("/api/diff?to=pdf", items);
    REQUIRE(format);
    CHECK(format->status == 400);
    CHECK(error_of(format).find("xlsx") != std::string::npos);
    auto one = client.Post("/api/diff?to=json", httplib::MultipartFormDataItems{{"old", corpus_docx(), "a.docx", ""}});
    REQUIRE(one);
    CHECK(one->status == 400);
    CHECK(error_of(one).find("new") != std::string::npos);
    CHECK(running.leftovers() == 0);
}

TEST_CASE("review gives the review page: pictures of a PDF's rows, a DOCX's table and row numbers") {
    RunningServer running;
    auto client = running.client();
    const std::string pdf = read_file(source_dir() / "tests/data/pdf/lo-long-row.pdf");
    auto paged = upload(client, "/api/review", pdf, "清单.pdf");
    REQUIRE(paged);
    REQUIRE(paged->status == 200);
    CHECK(paged->get_header_value("Content-Type").starts_with("text/html"));
    CHECK(paged->get_header_value("Content-Disposition").find("filename*=UTF-8''清单.review.html") != std::string::npos);
    // The same page as the command line writes, pictures and all.
    const TempDir dir;
    write_file(dir / "清单.pdf", pdf);
    const auto cli = run_dutylist("convert 清单.pdf -t review -o out", dir.path());
    REQUIRE_MESSAGE(cli.exit_code == 0, cli.err);
    CHECK(paged->body == read_file(dir / "out/清单.review.html"));
    CHECK(paged->body.find("data:image/png;base64,") != std::string::npos);
    auto docx = upload(client, "/api/review", corpus_docx());
    REQUIRE(docx);
    REQUIRE(docx->status == 200);
    CHECK(docx->body.find("<img") == std::string::npos);
    CHECK(docx->body.find("第 1 个表格，第 2 行") != std::string::npos);
    auto through_convert = upload(client, "/api/convert?to=review", pdf);
    REQUIRE(through_convert);
    CHECK(through_convert->status == 400);
    CHECK(error_of(through_convert).find("/api/review") != std::string::npos);
    CHECK(running.leftovers() == 0);
}

TEST_CASE("a bad file gets 400 with a JSON error, and the server still answers") {
    RunningServer running;
    auto client = running.client();
    auto garbage = upload(client, "/api/convert?to=json", std::string(5000, 'x') + "\x01\x02", "清单.pdf");
    REQUIRE(garbage);
    CHECK(garbage->status == 400);
    CHECK(error_of(garbage).find("not a duty list") != std::string::npos);
    auto not_form = client.Post("/api/convert", "{}", "application/json");
    REQUIRE(not_form);
    CHECK(not_form->status == 400);
    CHECK(error_of(not_form).find("multipart") != std::string::npos);
    auto health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(running.leftovers() == 0);
}

TEST_CASE("errors come in the language Accept-Language prefers, the page's switch included") {
    CHECK(i18n::language_from_accept_language("zh-CN,zh;q=0.9,en;q=0.8") == "zh_CN");
    CHECK(i18n::language_from_accept_language("en-US,en;q=0.9,zh-CN;q=0.5") == "en");
    CHECK(i18n::language_from_accept_language("fr-FR, zh;q=0.3, en;q=0.2") == "zh_CN");
    CHECK(i18n::language_from_accept_language("fr-FR,de;q=0.5").empty());
    CHECK(i18n::language_from_accept_language("").empty());
    RunningServer running;
    auto client = running.client();
    const std::string garbage = std::string(5000, 'x') + "\x01\x02";
    auto chinese = upload(client, "/api/convert?to=json", garbage, "清单.pdf", {{"Accept-Language", "zh-CN,zh;q=0.9"}});
    REQUIRE(chinese);
    CHECK(chinese->status == 400);
    CHECK(error_of(chinese).find("不是") != std::string::npos);
    CHECK(error_of(chinese).find("not a duty list") == std::string::npos);
    auto format = upload(client, "/api/convert?to=pptx", corpus_docx(), "a.docx", {{"Accept-Language", "zh-CN"}});
    REQUIRE(format);
    CHECK(format->status == 400);
    CHECK(error_of(format).starts_with("未知的输出格式“pptx”"));
    // The same connection, the next request in English: nothing of the last one's language stays.
    auto english = upload(client, "/api/convert?to=json", garbage, "清单.pdf", {{"Accept-Language", "en"}});
    REQUIRE(english);
    CHECK(error_of(english).find("not a duty list") != std::string::npos);
    auto unstated = upload(client, "/api/convert?to=json", garbage, "清单.pdf");
    REQUIRE(unstated);
    CHECK(error_of(unstated).find("not a duty list") != std::string::npos);
    auto missing = client.Get("/nothing-here", httplib::Headers{{"Accept-Language", "zh-CN"}});
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(error_of(missing) == "这台服务器上没有这个网页");
}

TEST_CASE("with a token, the API needs it and the page does not") {
    server::ServeOptions options;
    options.token = "s3cret-token";
    RunningServer running(options);
    auto client = running.client();
    auto without = upload(client, "/api/convert?to=json", corpus_docx());
    REQUIRE(without);
    CHECK(without->status == 401);
    CHECK(!error_of(without).empty());
    auto wrong = upload(client, "/api/convert?to=json", corpus_docx(), "a.docx", {{"Authorization", "Bearer s3cret-tokem"}});
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    auto with = upload(client, "/api/convert?to=json", corpus_docx(), "a.docx", {{"Authorization", "Bearer s3cret-token"}});
    REQUIRE(with);
    CHECK(with->status == 200);
    auto page = client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
}

TEST_CASE("stopping the server stops a long OCR under way at its next page: 503, and run() returns within seconds") {
    server::ServeOptions options;
    options.jobs = 1;
    options.ocr = OcrMode::always;  // a minute or more of Tesseract
    RunningServer running(options);
    auto client = running.client();
    std::future<httplib::Result> slow = std::async(std::launch::async, [&] {
        return upload(running.client(), "/api/convert?to=json", read_file(corpus("wumachang/wumachang.pdf")), "清单.pdf");
    });
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < until && nlohmann::json::parse(client.Get("/healthz")->body).at("running") != 1)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto stopped = std::chrono::steady_clock::now();
    running.stop();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - stopped).count();
    const httplib::Result answer = slow.get();
    REQUIRE(answer);
    CHECK(answer->status == 503);
    CHECK(error_of(answer).find("stopping") != std::string::npos);
    // A page of OCR at most (about a second here), far from the minute the whole file takes.
    CHECK(seconds < (under_asan ? 30 : 5));
    CHECK(running.leftovers() == 0);
}

TEST_CASE("8 uploads at once all succeed") {
    server::ServeOptions options;
    options.jobs = 2;
    RunningServer running(options);
    std::vector<std::future<int>> statuses;
    for (int c = 0; c < 8; ++c)
        statuses.push_back(std::async(std::launch::async, [&] {
            auto result = upload(running.client(), "/api/convert?to=json", corpus_docx());
            return result ? result->status : -1;
        }));
    for (auto& s : statuses) CHECK(s.get() == 200);
    CHECK(running.leftovers() == 0);
}

TEST_CASE("a file name with a path or control characters never reaches the file system") {
    CHECK(server::safe_file_name("../../etc/passwd") == "passwd");
    CHECK(server::safe_file_name("C:\\Users\\科员\\清单.pdf") == "清单.pdf");
    CHECK(server::safe_file_name("a\nb\x1b[31m.docx") == "ab[31m.docx");
    CHECK(server::safe_file_name("..") == "upload");
    CHECK(server::safe_file_name("") == "upload");
    CHECK(server::safe_file_name(std::string(300, 'a')).size() == server::max_name_bytes);
    CHECK(server::safe_file_name(std::string(199, 'a') + "清").size() == 199);
    RunningServer running;
    TempDir elsewhere;
    const std::string name = (elsewhere.path() / "evil\x1b\x07.docx").string();
    auto result = upload(running.client(), "/api/convert?to=json", corpus_docx(), name);
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(result->get_header_value("Content-Disposition").find("filename=\"evil.json\"") != std::string::npos);
    CHECK(nlohmann::json::parse(result->body).at("source").at("file") == "evil.docx");
    CHECK(fs::is_empty(elsewhere.path()));
    CHECK(running.leftovers() == 0);
}

TEST_CASE("the job queue runs at most its workers at once and refuses past its waiting places") {
    server::JobQueue queue(1, 0);
    bool ran = false;
    CHECK(queue.run([&] { ran = true; }));
    CHECK(ran);
    std::promise<void> inside, release;
    std::thread holder([&] { queue.run([&] {
        inside.set_value();
        release.get_future().wait();
    }); });
    inside.get_future().wait();
    CHECK_FALSE(queue.run([] {}));
    release.set_value();
    holder.join();
    queue.close();
    CHECK_FALSE(queue.run([] {}));
}

TEST_CASE("the page in Chromium: two files chosen, their lists, a search, a Word download, the review page, the revision report") {
    const fs::path scripts = source_dir() / "tests" / "html";
    REQUIRE_MESSAGE(fs::exists(scripts / "node_modules" / "playwright-core"), "playwright-core is not installed: run npm ci in tests/html");
    RunningServer running;
    const fs::path shots = fs::current_path() / "artifacts" / "serve";
    const std::string url = "http://127.0.0.1:" + std::to_string(running.server().port()) + "/";
    const auto result = run_shell("timeout 240 node " + quote(scripts / "check_serve.mjs") + " " + quote(url) + " " +
                                  quote(corpus("wumachang/wumachang.docx")) + " " + quote(corpus("wumachang/merged/wumachang-merged.docx")) +
                                  " " + quote(shots));
    MESSAGE(result.out);
    CHECK_MESSAGE(result.exit_code == 0, result.err);
    CHECK(result.out.find("items: 105/98/37") != std::string::npos);
    CHECK(fs::file_size(shots / "serve-page.png") > 10000);
    CHECK(fs::file_size(shots / "review-page.png") > 10000);
    CHECK(running.leftovers() == 0);
}

TEST_CASE("dutylist serve stops on SIGTERM within 5 s with exit code 0") {
    int err_pipe[2];
    REQUIRE(pipe(err_pipe) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
    const std::string exe = dutylist_exe().string();
    std::vector<std::string> args{exe, "serve", "--port", "0", "--jobs", "1"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    close(err_pipe[1]);
    // The first line names the address: "dutylist: serving http://127.0.0.1:PORT/ (…)".
    std::string line;
    char c;
    while (line.find('\n') == std::string::npos && read(err_pipe[0], &c, 1) == 1) line += c;
    const size_t colon = line.rfind(':', line.find("/ ("));
    const int port = colon == std::string::npos ? 0 : std::atoi(line.c_str() + colon + 1);
    INFO(line);
    CHECK(port > 0);
    if (port > 0) {
        httplib::Client client("127.0.0.1", port);
        client.set_connection_timeout(connect_seconds);
        client.set_read_timeout(read_seconds);
        auto health = client.Get("/healthz");
        CHECK((health && health->status == 200));
    }
    const auto sent = std::chrono::steady_clock::now();
    kill(pid, SIGTERM);
    int status = 0;
    pid_t done = 0;
    while ((done = waitpid(pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() - sent < std::chrono::seconds(5))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (done == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    close(err_pipe[0]);
    CHECK(done == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
