#include "renderers/csv_renderer.hpp"
#include "review/diff_renderers.hpp"
#include "review/revision_table.hpp"

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
    std::string out_ = "清单,原序号,新序号,事项名称,调整类型,字段,调整前,调整后\r\n";
};

}  // namespace

std::string diff_to_csv(const DiffSubject& s, bool bom) {
    Log log;
    for (const auto& m : s.diff.metadata) log.add("", "", "", "", "文件信息", m.label, m.old_text, m.new_text);
    for (const auto& d : s.diff.lists) {
        const std::string list = list_label(s, d);
        for (const auto& c : d.columns_added) log.add(list, "", "", "", "新增列", c.label);
        for (const auto& c : d.columns_removed) log.add(list, "", "", "", "删除列", c.label);
        for (const auto& e : d.removed)
            for (const auto& f : e.fields) log.add(list, e.seq, "", e.name, change_removed, f.label, f.text, "");
        for (const auto& e : d.added)
            for (const auto& f : e.fields) log.add(list, "", e.seq, e.name, change_added, f.label, "", f.text);
        for (const auto& c : d.moved) {
            log.add(list, c.old_seq, c.new_seq, c.name, change_moved, "清单", moved_from_label(s, c), list);
            for (const auto& f : c.fields) log.add(list, c.old_seq, c.new_seq, c.name, change_changed, f.label, f.old_text, f.new_text);
        }
        for (const auto& c : d.changed)
            for (const auto& f : c.fields) log.add(list, c.old_seq, c.new_seq, c.name, change_changed, f.label, f.old_text, f.new_text);
        for (const auto& c : d.renumbered) log.add(list, c.old_seq, c.new_seq, c.name, "重新编号", "序号", c.old_seq, c.new_seq);
    }
    return (bom ? "\xEF\xBB\xBF" : "") + log.take();
}

}  // namespace dutylist::review
