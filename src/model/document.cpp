#include "model/document.hpp"

#include "model/error.hpp"
#include "model/text.hpp"

namespace dutylist {

const char* kind_name(ListKind kind) {
    switch (kind) {
        case ListKind::basic: return "basic";
        case ListKind::cooperative: return "cooperative";
        case ListKind::withdrawn: return "withdrawn";
        case ListKind::other: break;
    }
    return "other";
}

ListKind kind_from_name(const std::string& name) {
    for (ListKind k : {ListKind::basic, ListKind::cooperative, ListKind::withdrawn, ListKind::other})
        if (name == kind_name(k)) return k;
    throw Error("unknown list kind \"" + name + "\"");
}

const char* kind_label(ListKind kind) {
    switch (kind) {
        case ListKind::basic: return "基本履职事项清单";
        case ListKind::cooperative: return "配合履职事项清单";
        case ListKind::withdrawn: return "上级部门收回事项清单";
        case ListKind::other: break;
    }
    return "事项清单";
}

ListKind kind_from_title(const std::string& title) {
    // 收回 first: "上级部门收回事项清单" must not be taken for another kind by a later word.
    if (title.find("收回") != std::string::npos) return ListKind::withdrawn;
    if (title.find("配合") != std::string::npos) return ListKind::cooperative;
    if (title.find("基本") != std::string::npos) return ListKind::basic;
    return ListKind::other;
}

int column_index(const DutyList& list, const std::string& key) {
    for (size_t i = 0; i < list.columns.size(); ++i)
        if (list.columns[i].key == key) return static_cast<int>(i);
    return -1;
}

void drop_control_characters(Document& d) {
    auto clean = [](std::string& s) { s = without_controls(s); };
    for (std::string* s : {&d.issuer, &d.title, &d.date, &d.date_iso}) clean(*s);
    for (DutyList& list : d.lists) {
        clean(list.title);
        for (Column& c : list.columns) clean(c.label);
        for (std::string& note : list.notes) clean(note);
        for (Item& item : list.items)
            for (Paragraphs& cell : item.values)
                for (std::string& p : cell) clean(p);
    }
}

}  // namespace dutylist
