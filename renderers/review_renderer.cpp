#include "renderers/review_renderer.hpp"

#include <fmt/format.h>

#include <map>
#include <string_view>

#include "renderers/list_names.hpp"
#include "renderers/markup.hpp"
#include "renderers/templates.hpp"
#include "review/self_check.hpp"

namespace dutylist {
namespace {

using ItemKey = std::pair<size_t, size_t>;

// Why an item is worth a look, by (list, item); whole-column findings by list.
struct Doubts {
    std::map<ItemKey, std::vector<std::string>> items;
    std::map<size_t, std::vector<std::string>> lists;
};

Doubts self_check_doubts(const Document& document) {
    Doubts doubts;
    for (const auto& finding : review::self_check(document)) {
        const std::string reason = "自检：" + finding.message + " [" + review::self_check_code(finding.check) + "]";
        if (finding.items.empty()) doubts.lists[finding.list].push_back((finding.column.empty() ? "" : "“" + finding.column + "”列：") + reason);
        for (size_t item : finding.items) doubts.items[{finding.list, item}].push_back(reason);
    }
    return doubts;
}

std::string base64(std::string_view bytes) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const size_t n = std::min<size_t>(3, bytes.size() - i);
        unsigned v = 0;
        for (size_t k = 0; k < 3; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (size_t k = 0; k < 4; ++k) out += k <= n ? digits[(v >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

std::string_view reading_label(TextReading reading) {
    return reading == TextReading::ocr ? "OCR 识别" : reading == TextReading::repaired ? "按字形修复读取" : "文字层";
}

// The reasons from how the text was read; the self-check's are added by the caller.
std::vector<std::string> reading_doubts(const Provenance& source) {
    if (!source.confidence || *source.confidence >= doubtful_confidence) return {};
    return {fmt::format("识别置信度 {}%（{}），请与原件核对", *source.confidence, reading_label(source.reading))};
}

std::string place(const Provenance& source) {
    if (!source.pages.empty()) {
        const int first = source.pages.front(), last = source.pages.back();
        return first == last ? fmt::format("第 {} 页", first) : fmt::format("第 {}–{} 页", first, last);
    }
    if (source.table > 0) return fmt::format("第 {} 个表格，第 {} 行", source.table, source.row);
    return "来源位置不明";
}

std::string fields(const DutyList& list, const Item& item) {
    std::string out = "<dl class=\"fields\">";
    for (size_t c = 0; c < list.columns.size(); ++c) {
        out += "<dt>" + escape_markup(list.columns[c].label) + "</dt><dd>";
        if (c < item.values.size())
            for (const auto& p : item.values[c]) out += "<p>" + escape_markup(p) + "</p>";
        out += "</dd>";
    }
    return out + "</dl>";
}

std::string source_view(const Provenance& source, const std::string* png, const std::string& alt) {
    std::string out = "<figure class=\"source\">";
    if (png) out += "<img src=\"data:image/png;base64," + base64(*png) + "\" alt=\"" + escape_markup(alt) + "\" loading=\"lazy\">";
    out += "<figcaption>" + escape_markup(place(source));
    if (source.reading != TextReading::text) {
        out += "，" + std::string(reading_label(source.reading));
        if (source.confidence) out += fmt::format("，置信度 {}%", *source.confidence);
    }
    return out + "</figcaption></figure>";
}

std::string item_entry(const DutyList& list, size_t index, const std::string& anchor, const std::vector<std::string>& reasons,
                       const std::string* png) {
    const Item& item = list.items[index];
    std::string out = fmt::format("<li class=\"item{}\" id=\"{}\">\n<div class=\"read\"><p class=\"number\">第 {} 项</p>",
                                  reasons.empty() ? "" : " doubtful", anchor, index + 1);
    for (const auto& reason : reasons) out += "<p class=\"reason\">" + escape_markup(reason) + "</p>";
    out += fields(list, item) + "</div>\n";
    out += source_view(item.source, png, place(item.source) + "的原件");
    return out + "\n</li>\n";
}

struct Counts {
    size_t items = 0, doubtful = 0, pictured = 0;
};

std::string list_section(const Document& doc, size_t l, const std::string& name, const Doubts& checks, const SourceImages* images, Counts& counts) {
    const DutyList& list = doc.lists[l];
    std::string entries;
    size_t doubtful = 0;
    for (size_t i = 0; i < list.items.size(); ++i) {
        std::vector<std::string> reasons = reading_doubts(list.items[i].source);
        if (auto found = checks.items.find({l, i}); found != checks.items.end()) reasons.insert(reasons.end(), found->second.begin(), found->second.end());
        const std::string* png = nullptr;
        if (images)
            if (auto found = images->png.find({l, i}); found != images->png.end()) png = &found->second;
        counts.pictured += png != nullptr;
        doubtful += !reasons.empty();
        entries += item_entry(list, i, fmt::format("{}-{}", name, i + 1), reasons, png);
    }
    counts.items += list.items.size();
    counts.doubtful += doubtful;
    std::string out = fmt::format("<section class=\"list\" id=\"list-{}\">\n<h2>{}</h2>\n<p class=\"count\">共 {} 项，{} 项需核对</p>\n", name,
                                  escape_markup(list.title.empty() ? kind_label(list.kind) : list.title), list.items.size(), doubtful);
    if (auto found = checks.lists.find(l); found != checks.lists.end())
        for (const auto& reason : found->second) out += "<p class=\"reason list-reason\">" + escape_markup(reason) + "</p>\n";
    return out + "<ol class=\"items\">\n" + entries + "</ol>\n</section>\n";
}

std::string summary(const Counts& counts, const SourceImages* images) {
    std::string out = fmt::format("共 {} 项，其中 <strong>{}</strong> 项需核对（标为橙色）。", counts.items, counts.doubtful);
    if (counts.pictured > 0) out += fmt::format("{} 项附有原件对应位置的图像。", counts.pictured);
    else out += "原文件没有页面图像，每项注明它在原文件中的表格和行。";
    if (images && images->left_out > 0) out += fmt::format("另有 {} 项未附图像（超出一页可容纳的图像数，或原件该页无法绘制）。", images->left_out);
    return out;
}

}  // namespace

std::vector<Output> render_review(const Document& doc, const RenderOptions& options) {
    const SourceImages* images = options.source_images.get();
    const auto names = list_names(doc);
    const Doubts checks = self_check_doubts(doc);
    Counts counts;
    std::string lists;
    for (size_t l = 0; l < doc.lists.size(); ++l) lists += list_section(doc, l, names[l], checks, images, counts);
    const std::string title = doc.issuer + (doc.title.empty() ? "履职事项清单" : doc.title);
    const std::string source = doc.source.file.empty() ? "由 dutylist 生成" : "由 dutylist 从 " + escape_markup(doc.source.file) + " 生成";
    return {{".review.html", fill_template(template_file("review/page.html"), {{"page_title", escape_markup(title)},
                                                                                  {"summary", summary(counts, images)},
                                                                                  {"lists", lists},
                                                                                  {"source", source}})}};
}

}  // namespace dutylist
