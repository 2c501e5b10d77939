#include "extractors/html/html_table.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "extractors/html/html_dom.hpp"
#include "extractors/html/html_flow.hpp"
#include "i18n/catalogue.hpp"
#include "model/error.hpp"

namespace dutylist::html {
namespace {

// The HTML standard's own caps on spans (colspan 1000, rowspan 65534); a column past the
// widest sheet (16384) is no column of a duty list.
constexpr int max_colspan = 1000;
constexpr int max_rowspan = 65534;
constexpr int max_columns = 16384;
// As the XLSX and ODF readers' bound on merged copies: far above any duty list.
constexpr long long max_filled_cells = 4'000'000;

struct Down {  // a rowspan still covering rows below
    int rows_left = 0;
    int origin = 0;  // its first column
    int span = 1;
};

class Grid {
public:
    explicit Grid(int number) : number_(number) { table_.name = fmt::format(fmt::runtime(_("table {}")), number); }

    void rows(const xmlNode* parent, bool header, int depth) {
        enter(depth);
        for (const xmlNode* c = parent->children; c; c = c->next) {
            if (is_tag(c, "tr")) row(c, header, depth + 1);
            else if (is_any_tag(c, {"thead", "tbody", "tfoot"})) rows(c, is_tag(c, "thead"), depth + 1);
        }
    }

    Table take() { return std::move(table_); }

private:
    void fill() {
        if (++filled_ > max_filled_cells)
            throw Error(_("the web page is refused: its table spans cover more than 4 million cells (not a duty list)"));
    }

    // The cells a rowspan from above puts at `column` and on, up to the first free column.
    void covered(int& column, const std::vector<bool>& covering, TableRow& out) {
        while (column < static_cast<int>(covering.size()) && covering[static_cast<size_t>(column)]) {
            const Down& d = down_[static_cast<size_t>(column)];
            if (d.origin == column) {
                out.cells.push_back({column, d.span, {}, true, false});
                fill();
            }
            ++column;
        }
    }

    void row(const xmlNode* tr, bool header, int depth) {
        TableRow out;
        out.header = header;
        out.source.table = number_;
        out.source.row = ++row_number_;
        std::vector<bool> covering(down_.size());
        for (size_t c = 0; c < down_.size(); ++c) covering[c] = down_[c].rows_left > 0;
        int column = 0;
        for (const xmlNode* c = tr->children; c; c = c->next) {
            if (!is_any_tag(c, {"td", "th"})) continue;
            covered(column, covering, out);
            if (column >= max_columns) break;
            const int span = std::min(count_attribute(c, "colspan", 1, 1, max_colspan), max_columns - column);
            const int rows = count_attribute(c, "rowspan", 1, 0, max_rowspan);
            out.cells.push_back({column, span, cell_paragraphs(c, depth + 1), false, false});
            fill();
            if (rows > 1) {
                if (down_.size() < static_cast<size_t>(column + span)) down_.resize(static_cast<size_t>(column + span));
                for (int k = column; k < column + span; ++k) down_[static_cast<size_t>(k)] = {rows - 1, column, span};
            }
            column += span;
            table_.width = std::max(table_.width, column);
        }
        covered(column, covering, out);
        table_.width = std::max(table_.width, column);
        for (size_t c = 0; c < covering.size(); ++c)
            if (covering[c]) --down_[c].rows_left;
        // A <tr> without cells holds nothing (and a header row without cells would give the
        // builder a header of no columns).
        if (!out.cells.empty()) table_.rows.push_back(std::move(out));
    }

    int number_;
    Table table_;
    std::vector<Down> down_;  // by column
    long long filled_ = 0;
    int row_number_ = 0;
};

}  // namespace

Table read_table(const xmlNode* table, int number, int depth) {
    Grid grid(number);
    grid.rows(table, false, depth);
    return grid.take();
}

}  // namespace dutylist::html
