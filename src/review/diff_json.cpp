#include <nlohmann/json.hpp>

#include "review/diff_renderers.hpp"
#include "review/word_diff.hpp"

namespace dutylist::review {
namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json version_json(const Document& doc, const std::string& name) {
    return {{"file", name}, {"title", doc.title}, {"date", doc.date}};
}

ordered_json spans_json(const std::vector<Span>& spans) {
    ordered_json out = ordered_json::array();
    for (const auto& s : spans) out.push_back({{"edit", s.edit == Edit::same ? "same" : s.edit == Edit::removed ? "removed" : "added"}, {"text", s.text}});
    return out;
}

ordered_json fields_json(const std::vector<FieldChange>& fields) {
    ordered_json out = ordered_json::array();
    for (const auto& f : fields)
        out.push_back({{"key", f.key}, {"label", f.label}, {"old", f.old_text}, {"new", f.new_text}, {"spans", spans_json(word_diff(f.old_text, f.new_text))}});
    return out;
}

ordered_json columns_json(const std::vector<Column>& columns) {
    ordered_json out = ordered_json::array();
    for (const auto& c : columns) out.push_back({{"key", c.key}, {"label", c.label}});
    return out;
}

ordered_json entries_json(const std::vector<ItemEntry>& entries) {
    ordered_json out = ordered_json::array();
    for (const auto& e : entries) {
        ordered_json fields = ordered_json::object();
        for (const auto& f : e.fields) fields[f.key] = f.text;
        out.push_back({{"seq", e.seq}, {"name", e.name}, {"fields", std::move(fields)}});
    }
    return out;
}

ordered_json changes_json(const std::vector<ItemChange>& changes, bool with_from, bool with_fields) {
    ordered_json out = ordered_json::array();
    for (const auto& c : changes) {
        ordered_json j = ordered_json::object();
        if (with_from) j["from"] = c.from;
        j["old_seq"] = c.old_seq;
        j["new_seq"] = c.new_seq;
        j["name"] = c.name;
        if (with_fields) j["fields"] = fields_json(c.fields);
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace

std::string diff_to_json(const DiffSubject& s) {
    ordered_json lists = ordered_json::array();
    for (const auto& d : s.diff.lists) {
        lists.push_back({
            {"kind", d.kind},
            {"title", d.new_list >= 0 ? d.new_title : d.old_title},
            {"old_title", d.old_list >= 0 ? ordered_json(d.old_title) : ordered_json(nullptr)},
            {"in_old", d.old_list >= 0},
            {"in_new", d.new_list >= 0},
            {"columns_added", columns_json(d.columns_added)},
            {"columns_removed", columns_json(d.columns_removed)},
            {"added", entries_json(d.added)},
            {"removed", entries_json(d.removed)},
            {"changed", changes_json(d.changed, false, true)},
            {"moved", changes_json(d.moved, true, true)},
            {"renumbered", changes_json(d.renumbered, false, false)},
        });
    }
    ordered_json out = {
        {"old", version_json(s.old_doc, s.old_name)},
        {"new", version_json(s.new_doc, s.new_name)},
        {"metadata", fields_json(s.diff.metadata)},
        {"lists", std::move(lists)},
    };
    return out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace dutylist::review
