#include "extractors/json/json_reader.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/error.hpp"
#include "model/text.hpp"
#include "model/text_reading.hpp"
#include "renderers/json_renderer.hpp"

namespace dutylist {
namespace {

using json = nlohmann::json;

// Our documents nest five levels deep; anything far deeper is hostile or not ours, and
// refusing it early keeps the recursive parser off the end of the stack.
constexpr int max_json_depth = 32;

std::string_view skip_bom_and_space(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    while (!s.empty() && (s[0] == ' ' || s[0] == '\n' || s[0] == '\r' || s[0] == '\t')) s.remove_prefix(1);
    return s;
}

const json& field(const json& object, const char* name, const std::string& where) {
    auto it = object.find(name);
    if (it == object.end()) throw Error("not a valid dutylist JSON file: " + where + " has no \"" + name + "\"");
    return *it;
}

// The keys dutylist writes (docs/dutylist.schema.json): ^[a-z][a-z0-9_]*$.
bool is_column_key(const std::string& key) {
    if (key.empty() || key[0] < 'a' || key[0] > 'z') return false;
    return std::all_of(key.begin(), key.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::string string_field(const json& object, const char* name, const std::string& where) {
    const json& v = field(object, name, where);
    if (!v.is_string()) throw Error("not a valid dutylist JSON file: \"" + std::string(name) + "\" of " + where + " is not a string");
    return v.get<std::string>();
}

Paragraphs split_paragraphs(const std::string& value) {
    Paragraphs out;
    size_t start = 0;
    while (start <= value.size() && !value.empty()) {
        size_t end = value.find('\n', start);
        if (end == std::string::npos) end = value.size();
        out.push_back(value.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// Page, table and row numbers are counts: a whole number that fits, or the file is refused,
// so that nothing out of range is written back wrapped around (1e300 as -2147483648).
int count_value(const json& v, const std::string& what) {
    constexpr double largest = std::numeric_limits<int>::max();
    const bool fits = v.is_number_unsigned() ? v.get<uint64_t>() <= static_cast<uint64_t>(largest)
                      : v.is_number_integer() ? v.get<int64_t>() >= 0 && v.get<int64_t>() <= static_cast<int64_t>(largest)
                      : v.is_number_float()   ? v.get<double>() >= 0 && v.get<double>() <= largest && std::floor(v.get<double>()) == v.get<double>()
                                              : false;
    if (!fits) throw Error(fmt::format("not a valid dutylist JSON file: {} is {}, not a whole number from 0 to {}", what, v.dump(), INT_MAX));
    return static_cast<int>(v.get<double>());
}

int count_field(const json& object, const char* name, const std::string& where) {
    auto it = object.find(name);
    return it == object.end() || it->is_null() ? 0 : count_value(*it, fmt::format("\"{}\" of {}", name, where));
}

// Coordinates in points: a page is at most 14,400 points wide (PDF's own limit); far beyond that
// a value is not a position, and rounding it for output would overflow.
constexpr double max_coordinate_points = 1e6;

double coordinate_field(const json& box, const char* name) {
    auto it = box.find(name);
    if (it == box.end() || it->is_null()) return 0;
    if (!it->is_number() || std::fabs(it->get<double>()) > max_coordinate_points)
        throw Error(fmt::format("not a valid dutylist JSON file: \"{}\" of a box is {}, not a position on a page", name, it->dump()));
    return it->get<double>();
}

Provenance read_provenance(const json& j) {
    Provenance p;
    if (!j.is_object()) return p;
    if (auto it = j.find("pages"); it != j.end() && it->is_array())
        for (const auto& n : *it) p.pages.push_back(count_value(n, "a page number of an item"));
    if (auto it = j.find("boxes"); it != j.end() && it->is_array())
        for (const auto& b : *it)
            if (b.is_object())
                p.boxes.push_back({count_field(b, "page", "a box"), coordinate_field(b, "x0"), coordinate_field(b, "y0"), coordinate_field(b, "x1"),
                                   coordinate_field(b, "y1")});
    p.table = count_field(j, "table", "an item's source");
    p.row = count_field(j, "row", "an item's source");
    if (auto it = j.find("read"); it != j.end() && !it->is_null()) {
        const auto reading = it->is_string() ? reading_named(it->get<std::string>()) : std::nullopt;
        if (!reading)
            throw Error(fmt::format("not a valid dutylist JSON file: \"read\" of an item's source is {}, not "
                                    "\"text\", \"repaired\" or \"ocr\"", it->dump()));
        p.reading = *reading;
    }
    if (auto it = j.find("confidence"); it != j.end() && !it->is_null()) {
        const int confidence = count_value(*it, "\"confidence\" of an item's source");
        if (confidence > 100)
            throw Error(fmt::format("not a valid dutylist JSON file: \"confidence\" of an item's source is {}, "
                                    "more than 100", confidence));
        p.confidence = confidence;
    }
    return p;
}

std::vector<Column> read_columns(const json& j, const std::string& where) {
    const json& columns = field(j, "columns", where);
    if (!columns.is_array()) throw Error("not a valid dutylist JSON file: columns of " + where + " is not an array");
    std::vector<Column> out;
    for (const auto& c : columns) {
        if (!c.is_object()) throw Error("not a valid dutylist JSON file: a column of " + where + " is not an object");
        Column column{string_field(c, "key", where + " column"), string_field(c, "label", where + " column")};
        if (!is_column_key(column.key))
            throw Error("not a valid dutylist JSON file: a column of " + where + " has the key \"" + column.key +
                        "\" (a key is lower-case letters, digits and _, starting with a letter)");
        // An item holds one value per key: a second column of the same key would show the other's text.
        for (const auto& before : out)
            if (before.key == column.key)
                throw Error("not a valid dutylist JSON file: two columns of " + where + " have the key \"" + column.key + "\"");
        out.push_back(std::move(column));
    }
    return out;
}

// Version 2 keeps the column values in the item's "values"; version 1 set them beside
// "source" and "departments_list" in the item itself.
Item read_item(const json& i, const std::vector<Column>& columns, bool version1, const std::string& where) {
    if (!i.is_object()) throw Error("not a valid dutylist JSON file: an item of " + where + " is not an object");
    const json* values = &i;
    if (!version1) {
        auto it = i.find("values");
        if (it == i.end() || !it->is_object()) throw Error("not a valid dutylist JSON file: an item of " + where + " has no \"values\" object");
        values = &*it;
    }
    // A value under no column's key would be dropped without a word; the file is not ours.
    if (!version1)
        for (const auto& entry : values->items()) {
            const std::string& key = entry.key();  // no structured binding: clang 14 cannot capture one
            if (std::none_of(columns.begin(), columns.end(), [&](const Column& c) { return c.key == key; }))
                throw Error("not a valid dutylist JSON file: an item in " + where + " has a value under \"" + key +
                            "\", which is no column of the list");
        }
    Item item;
    for (const auto& c : columns) {
        auto it = values->find(c.key);
        if (it == values->end() || it->is_null()) item.values.emplace_back();
        else if (it->is_string()) item.values.push_back(split_paragraphs(it->get<std::string>()));
        else throw Error("not a valid dutylist JSON file: \"" + c.key + "\" of an item in " + where + " is not a string");
    }
    if (auto it = i.find("source"); it != i.end()) item.source = read_provenance(*it);
    return item;
}

DutyList read_list(const json& j, size_t index, bool version1) {
    const std::string where = "list " + std::to_string(index + 1);
    if (!j.is_object()) throw Error("not a valid dutylist JSON file: " + where + " is not an object");
    DutyList list;
    list.kind = kind_from_name(string_field(j, "kind", where));
    list.title = string_field(j, "title", where);
    list.columns = read_columns(j, where);
    const json& items = field(j, "items", where);
    if (!items.is_array()) throw Error("not a valid dutylist JSON file: items of " + where + " is not an array");
    for (const auto& i : items) list.items.push_back(read_item(i, list.columns, version1, where));
    if (auto it = j.find("notes"); it != j.end() && it->is_array())
        for (const auto& n : *it)
            if (n.is_string()) list.notes.push_back(n.get<std::string>());
    return list;
}

// Parses the text, refusing what the library would take silently: nesting past max_json_depth,
// and a key given twice in one object, of whose values it would keep one and lose the other.
json parse_json(std::string_view text) {
    std::vector<std::set<std::string>> open_objects;  // the keys of each object being parsed
    try {
        return json::parse(text.begin(), text.end(), [&](int depth, json::parse_event_t event, json& parsed) {
            if (depth > max_json_depth) throw Error("not a dutylist JSON file: nested more than 32 levels deep");
            if (event == json::parse_event_t::object_start) open_objects.emplace_back();
            else if (event == json::parse_event_t::object_end) open_objects.pop_back();
            else if (event == json::parse_event_t::key && !open_objects.back().insert(parsed.get<std::string>()).second)
                throw Error("not a valid dutylist JSON file: the key \"" + parsed.get<std::string>() + "\" is given twice in one object");
            return true;
        });
    } catch (const json::parse_error& e) {
        throw Error("not a valid JSON file: syntax error near byte " + std::to_string(e.byte));
    } catch (const json::out_of_range&) {
        throw Error("not a valid dutylist JSON file: a number is too large to be read (beyond 1.8e308)");
    }
}

// The source recorded in the file is kept: it names the original PDF or DOCX, so reading our
// JSON and writing it again gives the same JSON.
Document read_json_text(std::string_view bytes) {
    std::string_view text = skip_bom_and_space(bytes);
    if (!is_valid_utf8(text)) throw Error("not a valid JSON file: the text is not valid UTF-8");
    json j = parse_json(text);
    const std::string schema = j.is_object() && j.contains("schema") && j["schema"].is_string() ? j["schema"].get<std::string>() : "";
    const bool version1 = schema == json_schema_v1;
    if (schema != json_schema_id && !version1)
        throw Error(schema.empty() ? fmt::format("a JSON file, but not one written by dutylist (no \"schema\": \"{}\")", json_schema_id)
                                   : fmt::format("a JSON file of an unsupported version \"{}\" (this dutylist reads {} and {})", schema,
                                                 json_schema_id, json_schema_v1));
    Document d;
    d.issuer = string_field(j, "issuer", "the document");
    d.title = string_field(j, "title", "the document");
    d.date = string_field(j, "date", "the document");
    d.date_iso = j.value("date_iso", "");
    if (auto it = j.find("source"); it != j.end() && it->is_object()) {
        d.source.file = it->value("file", "");
        d.source.format = it->value("format", "");
        d.source.pages = count_field(*it, "pages", "the document's source");
        d.source.sha256 = it->value("sha256", "");
    }
    const json& lists = field(j, "lists", "the document");
    if (!lists.is_array()) throw Error("not a valid dutylist JSON file: \"lists\" is not an array");
    for (size_t i = 0; i < lists.size(); ++i) d.lists.push_back(read_list(lists[i], i, version1));
    drop_control_characters(d);
    return d;
}

}  // namespace

bool sniff_json(std::string_view bytes) {
    std::string_view s = skip_bom_and_space(bytes);
    // An RTF document also starts with '{'; WPS and old Word save "Word" files as RTF.
    return !s.empty() && s[0] == '{' && !s.starts_with("{\\rtf");
}

Document read_json(const InputFile& input, const ReadOptions&) {
    try {
        return read_json_text(input.bytes);
    } catch (const json::exception& e) {
        // The library's message without its "[json.exception.type_error.302] " tag.
        const std::string what = e.what();
        const size_t tag_end = what.find("] ");
        throw Error("not a valid dutylist JSON file: " + (tag_end == std::string::npos ? what : what.substr(tag_end + 2)));
    }
}

}  // namespace dutylist
