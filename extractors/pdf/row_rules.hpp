// Tables ruled only between their rows (Word's 边框 "only horizontal lines", a spreadsheet
// with top and bottom cell borders): the rows are where the rules are, and only the columns
// are missing. They are the gutters the text leaves empty in the rows between the rules; given
// as vertical rulings there, the ruled-grid reader (ruling_grid.hpp) reads the table as it
// reads any ruled one, whatever the cells' alignment, with no guess about where a row starts.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "extractors/pdf/page_content.hpp"
#include "extractors/pdf/ruling_grid.hpp"

namespace dutylist::pdf {

struct RowRuleTolerances {
    // A three-line table (三线表) has three rules and no rule between its body rows: its body
    // is read as borderless. Four rules make at least two body rows.
    int min_rules = 4;
    double same_extent = 4.0;   // pt: the rules of one table start and end this close
    double min_length = 72.0;   // pt: shorter rules underline text, they do not bound rows
    double min_gutter = 2.5;    // pt: a narrower empty strip is the space inside a line
    double bin = 0.5;           // pt: the resolution of the ink profile across the table
    // A row whose text runs over a gutter (a section row 一、…, a grouped header label) is one
    // cell across it; at most this share of the rows may do so, or the strip is no gutter.
    double across_share = 0.25;
};

// Empty strips across a table, from x to x in points, left to right.
using Strips = std::vector<std::pair<double, double>>;

// What a page shows of a group of stacked rules with no column rulings, for the document to
// decide with (row_rule_runs.hpp): a page cannot tell a short page of a row-ruled list from a
// three-line table, nor a gutter from a column its few rows leave empty.
struct RowRuledGroup {
    double from = 0, to = 0;  // the rules' extent, pt
    int rules = 0;
    Strips strips;            // the gutters its rows leave empty
    std::u32string header;    // the first row's glyphs when it names columns, else empty
    bool second_header = false;  // a later row names columns too: another list starts in it
    bool read = false;           // read as a table ruled between rows
};

// The document's columns for a group of this extent: the group is read as ruled between rows
// even with fewer than tol.min_rules rules, in the gutters its rows and the document's share.
struct RowRuleHint {
    double from = 0, to = 0;
    Strips strips;
};

struct ColumnRulings {
    std::vector<Segment> rulings;
    // The extent of each group given rulings: its columns' text, not its cells, frames its
    // lines (the rulings stand in the middle of the gutters, not where the cells' edges were).
    std::vector<Box> tables;
    std::vector<RowRuledGroup> groups;  // every group of at least two rules, top to bottom
};

// The two extents are one table's, to the tolerance of its rules.
bool same_extent(double from_a, double to_a, double from_b, double to_b, const RowRuleTolerances& tol = {});

// The strips both sets leave empty, at least tol.min_gutter wide.
Strips common_strips(const Strips& a, const Strips& b, const RowRuleTolerances& tol = {});

// The glyphs inside `box` name a table's columns as a header row does (序号, 事项…).
bool holds_header_labels(const std::vector<Glyph>& glyphs, const Box& box);

// Vertical rulings for each group of at least tol.min_rules stacked horizontal rules of the
// same extent that no vertical ruling crosses: the group's two sides and, in each row between
// two rules, the middle of each gutter that row's text leaves empty. Nothing for a page
// without such a group. With a hint, the group of its extent is cut in the gutters both it
// and the hint show, when they are as many as the fewer of the two sets has.
ColumnRulings column_rulings(const std::vector<Segment>& segments, const std::vector<Glyph>& glyphs,
                             const RowRuleTolerances& tol = {}, const RowRuleHint* hint = nullptr);

}  // namespace dutylist::pdf
