#include "review/revision_table.hpp"

#include <algorithm>

namespace dutylist::review {
namespace {

class CellBuilder {
public:
    void line(const std::string& label, const std::vector<Span>& spans, Edit side) {
        start_paragraph();
        add(Edit::same, label + "：");
        for (const auto& s : spans)
            if (s.edit == Edit::same || s.edit == side) add(s.edit, s.text);
    }
    void plain(const std::string& text) {
        start_paragraph();
        add(Edit::same, text);
    }
    std::vector<Span> take() { return std::move(spans_); }

private:
    void start_paragraph() {
        if (!spans_.empty()) add(Edit::same, "\n");
    }
    void add(Edit edit, const std::string& text) {
        if (text.empty()) return;
        if (!spans_.empty() && spans_.back().edit == edit) spans_.back().text += text;
        else spans_.push_back({edit, text});
    }
    std::vector<Span> spans_;
};

void field_lines(const std::vector<FieldChange>& fields, RevisionRow& row) {
    CellBuilder before, after;
    for (const auto& f : fields) {
        const auto spans = word_diff(f.old_text, f.new_text);
        before.line(f.label, spans, Edit::removed);
        after.line(f.label, spans, Edit::added);
    }
    row.before = before.take();
    row.after = after.take();
}

std::vector<Span> all_fields(const ItemEntry& e) {
    CellBuilder cell;
    for (const auto& f : e.fields)
        if (f.key != "seq") cell.line(f.label, {{Edit::same, f.text}}, Edit::same);
    return cell.take();
}

std::string seq_text(const std::string& old_seq, const std::string& new_seq) {
    return old_seq == new_seq ? new_seq : old_seq + "→" + new_seq;
}

void prepend(std::vector<Span>& cell, std::string line) {
    std::vector<Span> out{{Edit::same, std::move(line)}};
    if (!cell.empty()) out.push_back({Edit::same, "\n"});
    out.insert(out.end(), cell.begin(), cell.end());
    cell = std::move(out);
}

struct Placed {
    double position;  // in the new list; a removed item half-way after the kept item before it
    RevisionRow row;
};

double removed_position(const ListDiff& d, int old_index) {
    double position = -0.5;
    for (auto [o, n] : d.kept)
        if (o < old_index) position = n + 0.5;
    return position;
}

std::vector<Placed> item_rows(const DiffSubject& s, const ListDiff& d, const std::string& list) {
    std::vector<Placed> out;
    for (const auto& e : d.removed) out.push_back({removed_position(d, e.index), {list, e.seq, e.name, change_removed, all_fields(e), {}}});
    for (const auto& e : d.added) out.push_back({double(e.index), {list, e.seq, e.name, change_added, {}, all_fields(e)}});
    for (const auto& c : d.changed) {
        RevisionRow row{list, seq_text(c.old_seq, c.new_seq), c.name, change_changed, {}, {}};
        field_lines(c.fields, row);
        out.push_back({double(c.new_index), std::move(row)});
    }
    for (const auto& c : d.moved) {
        RevisionRow row{list, c.new_seq, c.name, change_moved, {}, {}};
        field_lines(c.fields, row);
        prepend(row.before, "原属：" + moved_from_label(s, c) + " 序号 " + c.old_seq);
        prepend(row.after, "调入：" + list + " 序号 " + c.new_seq);
        out.push_back({double(c.new_index), std::move(row)});
    }
    std::stable_sort(out.begin(), out.end(), [](const Placed& a, const Placed& b) { return a.position < b.position; });
    return out;
}

}  // namespace

std::string list_label(const DiffSubject& s, const ListDiff& d) {
    const DutyList& list = d.new_list >= 0 ? s.new_doc.lists[static_cast<size_t>(d.new_list)] : s.old_doc.lists[static_cast<size_t>(d.old_list)];
    return list.title.empty() ? kind_label(list.kind) : list.title;
}

std::string moved_from_label(const DiffSubject& s, const ItemChange& moved) {
    for (const auto& other : s.diff.lists)
        if (other.old_list == moved.from_list) return list_label(s, other);
    return moved.from;
}

std::vector<RevisionRow> revision_rows(const DiffSubject& s) {
    std::vector<RevisionRow> rows;
    for (const auto& m : s.diff.metadata) {
        rows.push_back({"", "", m.label, change_changed, {}, {}});
        field_lines({m}, rows.back());
    }
    for (const auto& d : s.diff.lists) {
        const std::string list = list_label(s, d);
        // A new or dropped list shows as its items added or removed.
        const bool both = d.old_list >= 0 && d.new_list >= 0;
        for (const auto& c : both ? d.columns_added : std::vector<Column>{}) rows.push_back({list, "", "列：" + c.label, change_added, {}, {}});
        for (const auto& c : both ? d.columns_removed : std::vector<Column>{}) rows.push_back({list, "", "列：" + c.label, change_removed, {}, {}});
        for (auto& placed : item_rows(s, d, list)) rows.push_back(std::move(placed.row));
    }
    return rows;
}

}  // namespace dutylist::review
