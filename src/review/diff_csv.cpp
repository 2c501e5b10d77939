#include "renderers/csv_renderer.hpp"
#include "review/diff_renderers.hpp"

namespace dutylist::review {
namespace {

std::string field(const std::string& text) {
    std::string cell = csv_cell_text(Paragraphs{text});
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string out = "\"";
    for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

class Log {
public:
    void add(const std::string& list, const std::string& old_seq, const std::string& new_seq, const std::string& name,
             const char* change, const std::string& field_label = "", const std::string& old_text = "", const std::string& new_text = "") {
        for (const std::string* cell : {&list, &old_seq, &new_seq, &name}) out_ += field(*cell) + ",";
        out_ += std::string(change) + "," + field(field_label) + "," + field(old_text) + "," + field(new_text) + "\r\n";
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_ = "list,old_seq,new_seq,name,change,field,old,new\r\n";
};

}  // namespace

std::string diff_to_csv(const DiffSubject& s, bool bom) {
    Log log;
    for (const auto& m : s.diff.metadata) log.add("", "", "", "", "document", m.label, m.old_text, m.new_text);
    for (const auto& d : s.diff.lists) {
        for (const auto& c : d.columns_added) log.add(d.kind, "", "", "", "column_added", c.label);
        for (const auto& c : d.columns_removed) log.add(d.kind, "", "", "", "column_removed", c.label);
        for (const auto& e : d.removed) log.add(d.kind, e.seq, "", e.name, "removed");
        for (const auto& e : d.added) log.add(d.kind, "", e.seq, e.name, "added");
        for (const auto& c : d.moved) {
            log.add(d.kind, c.old_seq, c.new_seq, c.name, "moved", "list", c.from, d.kind);
            for (const auto& f : c.fields) log.add(d.kind, c.old_seq, c.new_seq, c.name, "changed", f.label, f.old_text, f.new_text);
        }
        for (const auto& c : d.changed)
            for (const auto& f : c.fields) log.add(d.kind, c.old_seq, c.new_seq, c.name, "changed", f.label, f.old_text, f.new_text);
        for (const auto& c : d.renumbered) log.add(d.kind, c.old_seq, c.new_seq, c.name, "renumbered", "序号", c.old_seq, c.new_seq);
    }
    return (bom ? "\xEF\xBB\xBF" : "") + log.take();
}

}  // namespace dutylist::review
