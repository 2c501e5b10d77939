// The outputs of `dutylist diff`: readable text, JSON, a CSV change log and an HTML page with
// the two versions side by side. One file per renderer (diff_text.cpp, diff_json.cpp, …).
#pragma once

#include <string>

#include "model/document.hpp"
#include "review/diff.hpp"

namespace dutylist::review {

struct DiffSubject {
    const Document& old_doc;
    const Document& new_doc;
    const DocumentDiff& diff;
    std::string old_name;  // the inputs as given on the command line
    std::string new_name;
};

// Per list: columns, then removed, added, moved, changed items, and renumbering as ranges.
std::string diff_to_text(const DiffSubject& subject);

// {"old": {file, title, date}, "new": {…}, "metadata": [{key, label, old, new}],
//  "lists": [{kind, title, old_title, columns_added, columns_removed, added, removed,
//             changed, moved, renumbered}]}
std::string diff_to_json(const DiffSubject& subject);

// A change log, one record per change: list,old_seq,new_seq,name,change,field,old,new with
// change one of document, column_added, column_removed, removed, added, moved, changed,
// renumbered. RFC 4180, CR LF, cells guarded against formulas as in csv_renderer.hpp.
std::string diff_to_csv(const DiffSubject& subject, bool bom);

// The two versions side by side, list by list, rows aligned by the matching, from the
// template templates/diff/diff.html.
std::string diff_to_html(const DiffSubject& subject);

}  // namespace dutylist::review
