// The format registry, and that the command line speaks of formats only through it: the
// folder walk, --help, -t and the messages.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "format_registry.hpp"
#include "model/error.hpp"
#include "renderers/json_renderer.hpp"
#include "support/paths.hpp"
#include "support/truth.hpp"

using namespace dutylist;
using namespace dutylist::test;
namespace fs = std::filesystem;

namespace {

Document corpus_document() { return document_from_truth(corpus("wumachang/truth.json")); }
std::string corpus_json() { return document_to_json(corpus_document()); }

std::string upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

std::set<std::string> files_in(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir)) names.insert(e.path().lexically_relative(dir).string());
    return names;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("every reader has a name, a display name and its own extensions") {
    REQUIRE_FALSE(readers().empty());
    std::set<std::string_view> names, extensions;
    for (const auto& reader : readers()) {
        CAPTURE(reader.name);
        CHECK_FALSE(reader.name.empty());
        CHECK_FALSE(reader.display_name.empty());
        CHECK(static_cast<bool>(reader.sniff));
        CHECK(static_cast<bool>(reader.read));
        CHECK(names.insert(reader.name).second);
        REQUIRE_FALSE(reader.extensions.empty());
        for (std::string_view extension : reader.extensions) {
            CAPTURE(extension);
            CHECK(extension.size() > 1);
            CHECK(extension.starts_with("."));
            CHECK(std::none_of(extension.begin(), extension.end(), [](unsigned char c) { return std::isupper(c); }));
            CHECK(extensions.insert(extension).second);
        }
    }
}

TEST_CASE("every writer has a name, a display name and one way of rendering") {
    REQUIRE_FALSE(writers().empty());
    std::set<std::string_view> names;
    for (const auto& writer : writers()) {
        CAPTURE(writer.name);
        CHECK_FALSE(writer.name.empty());
        CHECK_FALSE(writer.display_name.empty());
        CHECK(writer.name != "all");
        CHECK(names.insert(writer.name).second);
        CHECK(find_writer(writer.name) == &writer);
        CHECK((writer.per_input() != nullptr) != (writer.dataset() != nullptr));
        if (writer.per_input()) CHECK(static_cast<bool>(writer.per_input()->render));
        if (writer.dataset()) {
            CHECK_FALSE(writer.dataset()->file.empty());
            CHECK(static_cast<bool>(writer.dataset()->records));
        }
    }
    CHECK(find_writer("all") == nullptr);
    CHECK(find_writer("pptx") == nullptr);
}

TEST_CASE("a folder walk takes exactly the files with a reader's extension, in any case") {
    TempDir tmp;
    fs::create_directory(tmp / "in");
    const std::string json = corpus_json();
    std::set<std::string> expected;
    int n = 0;
    for (const auto& reader : readers()) {
        for (std::string_view extension : reader.extensions) {
            const std::string lower = "r" + std::to_string(n++), capital = "R" + std::to_string(n++);
            write_file(tmp / "in" / (lower + std::string(extension)), json);
            write_file(tmp / "in" / (capital + upper(extension)), json);
            expected.insert(lower + ".json");
            expected.insert(capital + ".json");
        }
    }
    // Of the same content, so that only the name keeps them out.
    for (const char* decoy : {"d.txt", "d.csv", "d.xml", "d.ppt", "d.jsonl", "d.pdf.txt", "d", "pdf", "docx"})
        write_file(tmp / "in" / decoy, json);
    auto r = run_dutylist("convert in -t json -o out", tmp.path());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(files_in(tmp / "out") == expected);
}

TEST_CASE("a folder with nothing to read names every reader's extension") {
    TempDir tmp;
    fs::create_directory(tmp / "in");
    write_file(tmp / "in" / "notes.txt", corpus_json());
    auto r = run_dutylist("convert in -o out", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "dutylist: in: is a folder with no file called "));
    for (const auto& reader : readers())
        for (std::string_view extension : reader.extensions) CHECK(contains(r.err, "*" + std::string(extension)));
}

TEST_CASE("-t takes every writer's name, and all the writers of each input") {
    TempDir tmp;
    write_file(tmp / "list.json", corpus_json());
    for (const auto& writer : writers()) {
        CAPTURE(writer.name);
        const fs::path out = tmp / ("out-" + std::string(writer.name));
        auto r = run_dutylist("convert list.json -t " + std::string(writer.name) + " -o " + quote(out), tmp.path());
        INFO(r.err);
        CHECK(r.exit_code == 0);
        if (writer.dataset()) {
            CHECK(files_in(out) == std::set<std::string>{std::string(writer.dataset()->file)});
        } else {
            const std::vector<Output> outputs = writer.per_input()->render(corpus_document(), {});
            std::set<std::string> names;
            for (const auto& output : outputs) names.insert("list" + output.suffix);
            CHECK(files_in(out) == names);
        }
    }
    auto all = run_dutylist("convert list.json -t all -o out-all", tmp.path());
    CHECK(all.exit_code == 0);
    for (const auto& writer : writers()) {
        CAPTURE(writer.name);
        if (writer.dataset()) CHECK_FALSE(fs::exists(tmp / "out-all" / writer.dataset()->file));
    }
}

TEST_CASE("an unknown output format is answered with every writer's name") {
    TempDir tmp;
    write_file(tmp / "list.json", corpus_json());
    auto r = run_dutylist("convert list.json -t pptx -o out", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "unknown output format \"pptx\" (choose from "));
    for (const auto& writer : writers()) CHECK(contains(r.err, writer.name));
    CHECK_FALSE(fs::exists(tmp / "out"));
}

TEST_CASE("--help names every reader with its extensions and every writer") {
    auto help = run_dutylist("--help");
    REQUIRE(help.exit_code == 0);
    for (const auto& reader : readers()) {
        CAPTURE(reader.name);
        CHECK(contains(help.out, reader.display_name));
        for (std::string_view extension : reader.extensions) CHECK(contains(help.out, "*" + std::string(extension)));
    }
    for (const auto& writer : writers()) {
        CAPTURE(writer.name);
        CHECK(contains(help.out, "  " + std::string(writer.name) + " "));
        CHECK(contains(help.out, writer.display_name));
    }
    auto convert_help = run_dutylist("convert --help");
    REQUIRE(convert_help.exit_code == 0);
    for (const auto& writer : writers()) CHECK(contains(convert_help.out, writer.name));
}

TEST_CASE("content no reader takes is refused with every reader's display name") {
    try {
        read_document({"photo.pdf", "\x89PNG\r\n\x1a\n"}, {});
        FAIL("a PNG image was read as a duty list");
    } catch (const Error& e) {
        const std::string message = e.what();
        CHECK(contains(message, "the file is a PNG image"));
        for (const auto& reader : readers()) CHECK(contains(message, reader.display_name));
    }
}
