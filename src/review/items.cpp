#include "review/items.hpp"

#include "model/text.hpp"

namespace dutylist::review {

std::string cell_text(const DutyList& list, const Item& item, int column) {
    if (column < 0 || column >= static_cast<int>(list.columns.size()) || column >= static_cast<int>(item.values.size()))
        return "";
    std::string out;
    for (const auto& p : item.values[static_cast<size_t>(column)]) {
        if (!out.empty()) out += '\n';
        out += p;
    }
    return out;
}

std::string cell_text(const DutyList& list, const Item& item, const std::string& key) {
    return cell_text(list, item, column_index(list, key));
}

std::string comparable_text(const std::string& text) { return remove_whitespace(text); }

std::string item_seq(const DutyList& list, const Item& item) { return trim(cell_text(list, item, "seq")); }

int name_column(const DutyList& list) {
    int name = column_index(list, "name");
    if (name >= 0) return name;
    for (size_t c = 0; c < list.columns.size(); ++c)
        if (list.columns[c].key != "seq") return static_cast<int>(c);
    return -1;
}

std::string item_name(const DutyList& list, const Item& item) { return cell_text(list, item, name_column(list)); }

}  // namespace dutylist::review
