// The one road from tables to duty lists. Every reader feeds the text blocks and tables of its
// document here in reading order (model/table.hpp); this decides, for all formats alike:
// - the cover before the first table (issuer, title, date), a 目录 left out;
// - which rows of a table are its header (a grouped two-row header too), the column keys
//   (model/columns.hpp), and the title lines above it, inside the table or not;
// - the list's title (the heading above its table) and kind (from the title, else the columns);
// - notes (注：, 备注：, 说明：, a row across the table's foot) and section rows (一、党的建设)
//   into 事项类别 (model/sections.hpp);
// - merged cells filled into every row they cover, also when a page break cut the merge;
// - repeated header rows dropped; a table that goes on with the list before it (the same
//   header, or no header and the same width) joined to it, and a row a page break split
//   joined to the row above;
// - text that is none of these after the first table reported as left out.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"
#include "model/sections.hpp"
#include "model/table.hpp"
#include "model/table_rows.hpp"

namespace dutylist {

class ListBuilder {
public:
    // `no_list_error` is the reason finish() gives when no table held a list ("no table in this
    // Word document …"); `warn` hears of tables that hold no list and of text left out.
    ListBuilder(std::string no_list_error, std::function<void(const std::string&)> warn);

    void text(TextBlock block);
    void table(const Table& table);
    // The document's lists, each with items. Throws Error when no table held a duty list.
    Document finish();

private:
    struct Open {  // the list the next table may go on with
        std::vector<ColumnSpan> columns;
        std::vector<std::string> labels;  // bare_labels(columns)
        int width = 0;
        int seq = 0;                      // the 序号 column, else the first
        std::vector<bool> merged;         // columns where a merge was seen
        bool last_row_open = false;       // a page break may still go on with the last item
    };
    struct TableState;

    void header(TableState& s, size_t count);
    bool attach_without_header(TableState& s);
    void skip_table(TableState& s, const std::vector<TextBlock>& lines, const std::string& first_row);
    void start_list(std::vector<TextBlock> lines, const std::vector<ColumnSpan>& columns, const Table& table);
    bool continue_list(const std::vector<TextBlock>& lines, const Table& table, const std::vector<std::string>* labels);
    void take_lines(const std::vector<TextBlock>& lines, size_t from, size_t heading, bool for_new_list);
    void flush_pending(TableState& s);
    void body_row(TableState& s, const TableRow& row);
    void add_item(TableState& s, const TableRow& row);
    void join_split_row(const TableRow& row, const std::vector<bool>& merge_below, size_t seq);
    void leave_out(const TextBlock& line);
    std::vector<TextBlock> lines_with(const std::vector<TableRow>& rows, const std::vector<size_t>& pending, int page) const;

    std::string no_list_error_;
    std::function<void(const std::string&)> warn_;
    TextBudget budget_;  // the text merges copy into rows
    Document document_;
    std::vector<TextBlock> lines_;  // text since the last table
    std::vector<std::string> pending_notes_;  // for the next list: between its heading and table
    std::optional<Open> open_;
    std::vector<std::vector<SectionHeading>> headings_;  // by list
    bool cover_read_ = false;
    bool seen_list_ = false;
};

}  // namespace dutylist
