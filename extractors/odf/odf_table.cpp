#include "extractors/odf/odf_table.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "extractors/odf/odf_text.hpp"
#include "extractors/odf/odf_xml.hpp"
#include "i18n/catalogue.hpp"
#include "model/error.hpp"

namespace dutylist::odf {
namespace {

// Calc's (and Excel's) last column, XFD: a repeat reaching past it is a sheet's empty tail.
constexpr long long max_columns = 16384;
// As the XLSX reader's bound on merged copies: far above any duty list (~340 items × a few
// columns), a bound on what repeats and merges may make of a few bytes.
constexpr long long max_filled_cells = 4'000'000;

// A count attribute (number-columns-repeated, number-rows-spanned …): at least 1, and capped
// so that sums of them cannot overflow.
long long count_of(const xmlNode* n, const char* local) {
    const std::string value = table_attribute(n, local);
    const long long count = value.empty() ? 1 : std::strtoll(value.c_str(), nullptr, 10);
    return std::clamp(count, 1LL, 1LL << 40);
}

class TableReader {
public:
    TableReader(const TableShape& shape, ListNumbering& numbering, TextBudget& budget) : shape_(shape), numbering_(numbering), budget_(budget) {
        table_.name = shape.name;
    }

    // Rows of `parent` in order; header rows, row groups and row blocks unwrapped.
    void rows(const xmlNode* parent, bool header, int depth) {
        enter(depth);
        for (const xmlNode* c = parent->children; c; c = c->next) {
            if (is_table(c, "table-row")) row(c, header, depth + 1);
            else if (is_table(c, "table-header-rows")) rows(c, true, depth + 1);
            else if (is_table(c, "table-rows") || is_table(c, "table-row-group")) rows(c, header, depth + 1);
        }
    }

    Table take() {
        // A sheet's rows below the last one holding text of its own get no merged copy: nothing
        // follows there to belong to (as in the XLSX reader).
        while (shape_.spreadsheet && !table_.rows.empty() &&
               std::all_of(table_.rows.back().cells.begin(), table_.rows.back().cells.end(), [](const TableCell& c) { return c.merged_from_above; }))
            table_.rows.pop_back();
        return std::move(table_);
    }

private:
    struct Merge {
        long long rows_left = 0;  // rows below still covered
        int span = 1;
    };

    void fill(long long cells) {
        filled_ += cells;
        if (filled_ > max_filled_cells)
            throw Error(_("the OpenDocument file is refused: its repeated or merged cells cover more than 4 million cells (not a duty list)"));
    }

    // Each cell element, covered or not, takes one grid column per repeat; a spanning cell is
    // followed by the covered cells of the columns it spans.
    void cell(const xmlNode* c, long long& column, TableRow& out, std::map<int, Merge>& started, int depth) {
        const long long repeat = count_of(c, "number-columns-repeated");
        const bool covered = is_table(c, "covered-table-cell");
        Paragraphs text;
        if (!covered) append_block_paragraphs(c, numbering_, text, depth + 1);
        const long long span = std::min(count_of(c, "number-columns-spanned"), max_columns);
        const long long down = count_of(c, "number-rows-spanned");
        const bool keep = covered || !text.empty() || !shape_.spreadsheet;
        // Empty cells stand for themselves once: their repeats are a table's empty tail.
        const long long copies = text.empty() && !covered ? 1 : repeat;
        for (long long k = 0; keep && k < copies && column + k < max_columns; ++k) {
            const int col = static_cast<int>(column + k);
            if (covered) {
                auto merge = merges_.find(col);
                if (merge == merges_.end() || merge->second.rows_left <= 0) continue;
                out.cells.push_back({col, merge->second.span, {}, true, false});
            } else {
                if (k > 0) budget_.spend(text);
                out.cells.push_back({col, static_cast<int>(span), text, false, false});
                if (down > 1) started[col] = {down - 1, static_cast<int>(span)};
            }
            fill(1);
            table_.width = std::max(table_.width, static_cast<int>(std::min<long long>(col + out.cells.back().col_span, max_columns)));
        }
        column += repeat;
    }

    void row(const xmlNode* r, bool header, int depth) {
        const long long repeat = count_of(r, "number-rows-repeated");
        TableRow out;
        out.header = header;
        out.source.table = shape_.number;
        std::map<int, Merge> started;
        long long column = 0;
        for (const xmlNode* c = r->children; c && column < max_columns; c = c->next)
            if (is_table(c, "table-cell") || is_table(c, "covered-table-cell")) cell(c, column, out, started, depth + 1);
        for (auto& [col, merge] : merges_) merge.rows_left = std::max(0LL, merge.rows_left - repeat);
        for (auto& [col, merge] : started) merges_[col] = {merge.rows_left - (repeat - 1), merge.span};
        // A row without cells holds nothing (and a header row without cells would give the
        // builder a header of no columns).
        if (out.cells.empty()) {
            row_number_ += repeat;
            return;
        }
        const bool has_text = std::any_of(out.cells.begin(), out.cells.end(), [](const TableCell& c) { return !c.text.empty(); });
        for (long long k = 0; k < (has_text ? repeat : 1); ++k) {
            if (k > 0) {
                for (const TableCell& c : out.cells) budget_.spend(c.text);
                fill(static_cast<long long>(out.cells.size()) + 1);
            }
            out.source.row = static_cast<int>(std::min<long long>(++row_number_, 1 << 30));
            table_.rows.push_back(out);
        }
        if (!has_text) row_number_ += repeat - 1;  // the repeats of an empty row stood once
    }

    const TableShape& shape_;
    ListNumbering& numbering_;
    TextBudget& budget_;
    Table table_;
    std::map<int, Merge> merges_;  // by the merge's first column
    long long filled_ = 0;
    long long row_number_ = 0;
};

}  // namespace

Table read_table(const xmlNode* table, const TableShape& shape, ListNumbering& numbering, TextBudget& budget, int depth) {
    TableReader reader(shape, numbering, budget);
    reader.rows(table, false, depth);
    return reader.take();
}

}  // namespace dutylist::odf
