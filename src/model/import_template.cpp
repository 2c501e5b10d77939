#include "model/import_template.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include <fmt/format.h>

#include "model/columns.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace dutylist {
namespace {

using Source = TemplateColumn::Source;

constexpr std::array<std::pair<std::string_view, Source>, 9> plain_sources = {{
    {"kind", Source::kind},
    {"kind_label", Source::kind_label},
    {"issuer", Source::issuer},
    {"title", Source::doc_title},
    {"date", Source::date},
    {"date_iso", Source::date_iso},
    {"list_title", Source::list_title},
    {"row", Source::row},
    {"source_file", Source::source_file},
}};

constexpr ListKind all_kinds[] = {ListKind::basic, ListKind::cooperative, ListKind::withdrawn, ListKind::other};

std::string source_choices() {
    std::string out = "field:KEY, const:TEXT";
    for (const auto& [name, source] : plain_sources) out += fmt::format(", {}", name);
    return out + " or kind:basic=…,cooperative=…,withdrawn=…";
}

// "basic=1,cooperative=2,withdrawn=3": the spellings by kind. Returns an error, "" when none.
std::string parse_kind_spellings(std::string_view text, TemplateColumn& column) {
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = std::min(text.find(',', start), text.size());
        const std::string_view pair = text.substr(start, end - start);
        const size_t equals = pair.find('=');
        if (equals == std::string_view::npos)
            return fmt::format("\"{}\" should be KIND=SPELLING, e.g. basic=基本", trim(pair));
        const std::string kind = trim(pair.substr(0, equals));
        const auto* found = std::find_if(std::begin(all_kinds), std::end(all_kinds), [&](ListKind k) { return kind == kind_name(k); });
        if (found == std::end(all_kinds)) return fmt::format("\"{}\" is not a list kind (basic, cooperative, withdrawn or other)", kind);
        column.kind_spelling[found - std::begin(all_kinds)] = trim(pair.substr(equals + 1));
        start = end + 1;
    }
    return "";
}

// The source after "NAME =". Returns an error, "" when it is understood.
std::string parse_source(const std::string& text, TemplateColumn& column) {
    for (const auto& [name, source] : plain_sources)
        if (text == name) {
            column.source = source;
            return "";
        }
    if (text.starts_with("const:")) {
        column.source = Source::constant;
        column.argument = trim(text.substr(6));
        return "";
    }
    if (text.starts_with("field:")) {
        column.source = Source::field;
        column.argument = trim(text.substr(6));
        return column.argument.empty() ? "field: names no column (e.g. field:name or field:事项名称)" : "";
    }
    if (text.starts_with("kind:")) {
        column.source = Source::kind;
        return parse_kind_spellings(std::string_view(text).substr(5), column);
    }
    return fmt::format("unknown source \"{}\" (choose {})", shortened(text), source_choices());
}

int field_column(const DutyList& list, const std::string& field) {
    for (size_t c = 0; c < list.columns.size(); ++c)
        if (list.columns[c].key == field || list.columns[c].label == field) return static_cast<int>(c);
    return column_index(list, column_key(field));
}

Paragraphs cell(const Document& doc, const DutyList& list, size_t row, const TemplateColumn& column) {
    auto text = [](const std::string& s) { return s.empty() ? Paragraphs{} : Paragraphs{s}; };
    switch (column.source) {
        case Source::field: {
            const int c = field_column(list, column.argument);
            const Item& item = list.items[row];
            return c >= 0 && static_cast<size_t>(c) < item.values.size() ? item.values[static_cast<size_t>(c)] : Paragraphs{};
        }
        case Source::constant: return text(column.argument);
        case Source::kind: {
            const auto k = static_cast<size_t>(std::find(std::begin(all_kinds), std::end(all_kinds), list.kind) - std::begin(all_kinds));
            return text(column.kind_spelling[k].empty() ? kind_name(list.kind) : column.kind_spelling[k]);
        }
        case Source::kind_label: return text(kind_label(list.kind));
        case Source::issuer: return text(doc.issuer);
        case Source::doc_title: return text(doc.title);
        case Source::date: return text(doc.date);
        case Source::date_iso: return text(doc.date_iso);
        case Source::list_title: return text(list.title);
        case Source::row: return text(std::to_string(row + 1));
        case Source::source_file: return text(doc.source.file);
    }
    return {};
}

// A field that no list of the document has is a mistake in the template (a typing error, or a
// template made for another county's columns): an empty column would hide it.
void check_fields(const Document& doc, const ImportTemplate& t) {
    for (const auto& column : t.columns) {
        if (column.source != Source::field || doc.lists.empty()) continue;
        if (std::any_of(doc.lists.begin(), doc.lists.end(), [&](const DutyList& l) { return field_column(l, column.argument) >= 0; })) continue;
        std::string known;
        for (const auto& c : doc.lists.front().columns) known += fmt::format("{}{} ({})", known.empty() ? "" : ", ", c.key, c.label);
        throw Error(fmt::format("the template's column \"{}\" takes field:{}, which no list of this document has (its columns: {})", column.name,
                                column.argument, known));
    }
}

}  // namespace

ImportTemplate parse_import_template(const std::string& text, const std::string& file) {
    ImportTemplate t;
    std::string_view rest = text;
    if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);  // as Notepad saves UTF-8
    for (int number = 1; !rest.empty(); ++number) {
        const size_t end = std::min(rest.find('\n'), rest.size());
        std::string line = trim(rest.substr(0, end));
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (line.empty() || line.starts_with('#')) continue;
        auto fail = [&](const std::string& why) { return Error(fmt::format("the template {}, line {}: {}", file, number, why)); };
        if (!is_valid_utf8(line)) throw fail("the text is not UTF-8 (save the template as UTF-8, as Notepad and WPS can)");
        const size_t equals = line.find('=');
        if (equals == std::string::npos) throw fail(fmt::format("\"{}\" should be NAME = SOURCE, e.g. 事项名称 = field:name", shortened(line)));
        TemplateColumn column;
        column.name = trim(std::string_view(line).substr(0, equals));
        if (column.name.empty()) throw fail("the column has no name before =");
        if (std::any_of(t.columns.begin(), t.columns.end(), [&](const TemplateColumn& c) { return c.name == column.name; }))
            throw fail(fmt::format("the column \"{}\" is named twice", column.name));
        if (std::string why = parse_source(trim(std::string_view(line).substr(equals + 1)), column); !why.empty()) throw fail(why);
        t.columns.push_back(std::move(column));
    }
    if (t.columns.empty()) throw Error(fmt::format("the template {} names no column (one line a column: NAME = SOURCE)", file));
    return t;
}

FlatTable flatten(const Document& document, const ImportTemplate& import_template) {
    check_fields(document, import_template);
    FlatTable table;
    for (const auto& column : import_template.columns) {
        table.header.push_back(column.name);
        table.counts.push_back(column.source == Source::row || (column.source == Source::field && (column.argument == "seq" || column_key(column.argument) == "seq")));
    }
    for (const auto& list : document.lists)
        for (size_t r = 0; r < list.items.size(); ++r) {
            std::vector<Paragraphs>& row = table.rows.emplace_back();
            for (const auto& column : import_template.columns) row.push_back(cell(document, list, r, column));
        }
    return table;
}

}  // namespace dutylist
