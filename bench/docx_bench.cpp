// DOCX conversion time against libxml2 alone parsing the same word/document.xml, in one run:
// the two are timed alternately, so the machine's load weighs on both alike.
//   docx_bench FILE.docx [ROUNDS]
#include <libxml/parser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "format_registry.hpp"
#include "model/error.hpp"
#include "package/ooxml_package.hpp"

namespace {

using Clock = std::chrono::steady_clock;
const std::string docx_what = "the Word document";

std::string read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The main part's bytes as the reader gets them, or "" when the file is no readable package.
std::string document_xml(const std::string& docx) {
    try {
        dutylist::package::Package package(docx, docx_what);
        return package.read("word/document.xml").value_or("");
    } catch (const dutylist::Error&) {
        return "";
    }
}

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: docx_bench FILE.docx [ROUNDS]\n");
        return 2;
    }
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 30;
    const dutylist::InputFile input{argv[1], read_file(argv[1])};
    const std::string xml = document_xml(input.bytes);
    if (xml.empty()) {
        std::fprintf(stderr, "%s has no word/document.xml\n", argv[1]);
        return 1;
    }
    xmlInitParser();
    std::vector<double> ours, parse_only;
    size_t items = 0;
    for (int i = 0; i <= rounds; ++i) {
        auto start = Clock::now();
        dutylist::Document doc = dutylist::read_document(input, {});
        double t_ours = ms_since(start);

        start = Clock::now();
        xmlDocPtr parsed = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "document.xml", nullptr,
                                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        xmlFreeDoc(parsed);
        double t_parse = ms_since(start);

        if (i == 0) {  // warm-up round: caches, allocator, ICU's transliterator
            for (const auto& l : doc.lists) items += l.items.size();
            continue;
        }
        ours.push_back(t_ours);
        parse_only.push_back(t_parse);
    }
    const double a = median(ours), b = median(parse_only);
    std::printf("file: %s (%zu bytes, document.xml %zu bytes, %zu items)\n", argv[1], input.bytes.size(), xml.size(), items);
    std::printf("rounds: %d, medians (min)\n", rounds);
    std::printf("dutylist DOCX -> model (unzip, parse, map): %8.2f ms (%.2f)\n", a, *std::min_element(ours.begin(), ours.end()));
    std::printf("libxml2 parse of document.xml alone:        %8.2f ms (%.2f)\n", b,
                *std::min_element(parse_only.begin(), parse_only.end()));
    std::printf("ratio: %.2fx (goal: within 2x)\n", a / b);
    return 0;
}
