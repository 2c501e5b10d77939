#include "extractors/docx/docx_numbering.hpp"

#include "extractors/number_format.hpp"

#include <string_view>

#include "extractors/docx/docx_xml.hpp"
#include "model/text.hpp"
#include "model/text_budget.hpp"

namespace dutylist::docx {
namespace {

Level read_level(const xmlNode* lvl) {
    Level level;
    level.start = int_val(w_child(lvl, "start"), 1);
    if (const xmlNode* f = w_child(lvl, "numFmt")) level.format = w_val(f);
    if (const xmlNode* t = w_child(lvl, "lvlText")) level.text = w_val(t);
    if (const xmlNode* s = w_child(lvl, "suff")) {
        std::string v = w_val(s);
        level.suffix = std::string(v == "space" ? " " : v == "nothing" ? "" : "\t");
    }
    level.legal = on(w_child(lvl, "isLgl"));
    return level;
}

// A bullet set in a symbol font is a private-use code point that prints as a picture.
bool is_private_use(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        char32_t cp = next_code_point(text, i);
        if (cp >= 0xE000 && cp <= 0xF8FF) return true;
    }
    return false;
}

}  // namespace

Numbering::Numbering(const xmlNode* root) {
    for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
        if (is_w(n, "abstractNum")) {
            const char* id = w_attr(n, "abstractNumId");
            if (!id) continue;
            Abstract a;
            for (const xmlNode* lvl = n->children; lvl; lvl = lvl->next) {
                if (!is_w(lvl, "lvl")) continue;
                const char* ilvl = w_attr(lvl, "ilvl");
                int i = ilvl ? std::atoi(ilvl) : -1;
                if (i >= 0 && i < 9) a.levels[static_cast<size_t>(i)] = read_level(lvl);
            }
            abstracts_[id] = std::move(a);
        } else if (is_w(n, "num")) {
            const char* id = w_attr(n, "numId");
            if (!id) continue;
            Instance num;
            num.abstract_id = w_val(w_child(n, "abstractNumId"));
            for (const xmlNode* o = n->children; o; o = o->next) {
                if (!is_w(o, "lvlOverride")) continue;
                const char* ilvl = w_attr(o, "ilvl");
                int i = ilvl ? std::atoi(ilvl) : -1;
                if (i < 0 || i >= 9) continue;
                if (const xmlNode* s = w_child(o, "startOverride")) num.start_overrides[i] = int_val(s, 1);
                if (const xmlNode* lvl = w_child(o, "lvl")) num.level_overrides[i] = read_level(lvl);
            }
            instances_[id] = std::move(num);
        }
    }
}

const Level* Numbering::level(const Instance& num, int ilvl) const {
    if (auto o = num.level_overrides.find(ilvl); o != num.level_overrides.end()) return &o->second;
    auto a = abstracts_.find(num.abstract_id);
    return a == abstracts_.end() ? nullptr : &a->second.levels[static_cast<size_t>(ilvl)];
}

std::string Numbering::next_label(const NumberingRef& ref) {
    auto found = instances_.find(ref.num_id);
    if (found == instances_.end() || ref.level < 0 || ref.level > 8) return "";
    const Instance& num = found->second;
    const Level* lvl = level(num, ref.level);
    if (!lvl) return "";
    Counters& c = counters_[num.abstract_id];
    // A startOverride restarts the shared counters the first time its list is used.
    if (!num.start_overrides.empty() && overrides_applied_.insert(ref.num_id).second) {
        for (auto [i, start] : num.start_overrides) {
            c.value[static_cast<size_t>(i)] = start - 1;
            c.started[static_cast<size_t>(i)] = true;
        }
    }
    const auto at = static_cast<size_t>(ref.level);
    if (c.started[at]) {
        ++c.value[at];
    } else {
        c.value[at] = lvl->start;
        c.started[at] = true;
    }
    for (size_t d = at + 1; d < 9; ++d) c.started[d] = false;

    if (lvl->format == "bullet") return is_private_use(lvl->text) || lvl->text.empty() ? "" : lvl->text + lvl->suffix;
    std::string out;
    const std::string& t = lvl->text;
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
            const auto k = static_cast<size_t>(t[i + 1] - '1');
            const Level* kl = level(num, static_cast<int>(k));
            int value = c.started[k] ? c.value[k] : (kl ? kl->start : 1);
            out += format_number(value, kl && !lvl->legal ? kl->format : "decimal");
            ++i;
        } else {
            out += t[i];
        }
    }
    return out.empty() ? "" : out + lvl->suffix;
}

namespace {

void resolve(std::vector<Block>& blocks, Numbering& numbering, const Styles& styles, TextBudget& budget) {
    for (auto& b : blocks) {
        if (b.is_table) {
            for (auto& row : b.table.rows)
                for (auto& cell : row.cells) resolve(cell.content, numbering, styles, budget);
            continue;
        }
        Paragraph& p = b.paragraph;
        std::optional<NumberingRef> ref = p.numbering;
        std::string style_id = p.style;
        for (int hops = 0; hops < 32 && !style_id.empty(); ++hops) {
            auto s = styles.find(style_id);
            if (s == styles.end()) break;
            if (s->second.toc) p.in_toc = true;
            if (!ref && s->second.numbering) ref = s->second.numbering;
            style_id = s->second.based_on;
        }
        if (!ref || ref->num_id == "0") continue;
        // A label is text the document does not hold: "%1" repeated in a level's text makes
        // a long one for every paragraph.
        p.label = numbering.next_label(*ref);
        budget.spend(p.label.size());
    }
}

}  // namespace

void resolve_numbering(Body& body, Numbering& numbering, const Styles& styles) {
    TextBudget budget;
    resolve(body.blocks, numbering, styles, budget);
}

}  // namespace dutylist::docx
