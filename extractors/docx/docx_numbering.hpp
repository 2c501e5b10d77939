// Automatic numbering (numbering.xml): numId → abstractNum → level, with lvlOverride and
// startOverride, formatted as Word prints it ("1.", "（一）", "一、", "⑴"), so that the text of
// a DOCX is the text of its PDF.
#pragma once

#include <array>
#include <map>
#include <set>
#include <string>

#include "extractors/docx/docx_ooxml.hpp"

struct _xmlNode;

namespace dutylist::docx {

struct Level {
    int start = 1;
    std::string format = "decimal";  // w:numFmt
    std::string text;                // w:lvlText, e.g. "%1." or "（%1）"
    std::string suffix = "\t";       // w:suff: tab (default), space or nothing
    bool legal = false;              // w:isLgl: every %N in decimal
};

class Numbering {
public:
    Numbering() = default;
    explicit Numbering(const _xmlNode* numbering_root);  // null: a document without numbering

    // The label the next paragraph with this numbering prints (suffix included), advancing the
    // counters; "" when the reference names no numbering.
    std::string next_label(const NumberingRef& ref);

private:
    struct Abstract {
        std::array<Level, 9> levels;
    };
    struct Instance {
        std::string abstract_id;
        std::map<int, int> start_overrides;
        std::map<int, Level> level_overrides;
    };
    struct Counters {
        std::array<int, 9> value{};
        std::array<bool, 9> started{};
    };

    const Level* level(const Instance& num, int ilvl) const;

    std::map<std::string, Abstract> abstracts_;
    std::map<std::string, Instance> instances_;
    std::map<std::string, Counters> counters_;  // per abstractNum: lists sharing one continue it
    std::set<std::string> overrides_applied_;
};

// Stage 1b: fills Paragraph::label for every numbered paragraph in document order (cells and
// nested tables included), taking numbering from the paragraph or its style, and marks
// paragraphs of table-of-contents styles as in_toc. The labels' text is spent from the
// document's budget (model/text_budget.hpp; throws Error beyond it).
void resolve_numbering(Body& body, Numbering& numbering, const Styles& styles);

}  // namespace dutylist::docx
