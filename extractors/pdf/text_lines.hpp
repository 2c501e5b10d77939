// Glyphs into lines and lines into paragraphs, as pure functions with named tolerances.
#pragma once

#include <string>
#include <vector>

#include "extractors/pdf/numbering_habit.hpp"
#include "extractors/pdf/page_content.hpp"
#include "extractors/pdf/read_certainty.hpp"
#include "model/document.hpp"

namespace dutylist::pdf {

struct LineTolerances {
    double same_line = 0.5;    // centres closer than this many font sizes are on one line
    double fake_bold = 0.3;    // the same glyph repeated closer than this (× size) is fake bold
    double word_gap = 0.25;    // a gap wider than this (× size) between Latin glyphs is a space
};

struct TextLine {
    std::string text;       // spaces only where the page has them (none between CJK)
    double x0 = 0, x1 = 0;  // ink extent of the line
    double top = 0, bottom = 0, baseline = 0;
    double size = 0;        // the largest font size on the line
    double lead_width = 0;  // width of what a line break cannot split at the line start
    bool bold = false;      // most glyphs in a bold font
    // The frame the line sits in: the cell's left and right content edges.
    double frame_x0 = 0, frame_x1 = 0;
    int page = 0;
    ReadCertainty reading;  // how its glyphs were read
};

// The ideograph a Kangxi radical or CJK compatibility ideograph stands for; other code
// points unchanged.
char32_t unify_ideograph(char32_t cp);

// Glyphs grouped by line, top to bottom, each left to right; ideographs unified.
std::vector<std::vector<Glyph>> group_into_lines(std::vector<Glyph> glyphs, const LineTolerances& tol = {});
// One line's glyphs as a line; fake-bold duplicates dropped.
TextLine line_from_glyphs(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts, const LineTolerances& tol = {});

// Glyphs grouped into lines, top to bottom, each left to right; fake-bold duplicates dropped,
// ideographs unified. `fonts` tells which glyphs are bold.
std::vector<TextLine> build_lines(std::vector<Glyph> glyphs, const std::vector<FontInfo>& fonts,
                                  const LineTolerances& tol = {});

struct ParagraphTolerances {
    // A line ends its paragraph when the start of the next line would have fitted in the room
    // left at its end, less a slack (× font size): little in ragged (left-aligned) text, where a
    // wrapped line may leave almost that much room (Writer wraps a glyph 0.03 em too wide for
    // the cell, as the padding is estimated from the text), more in justified text, where it
    // leaves none.
    double ragged_slack = 0.02;
    double justified_slack = 0.3;
    // Justified text (the default of Chinese Word): there a line that starts at the cell's left
    // edge and stops this far (× font size) short of its right edge ends its paragraph, even
    // where the next line's start would not have fitted.
    bool justified = true;
    double justified_room = 0.3;
    // A baseline pitch wider than the list's line pitch by this much (× font size) is space
    // between paragraphs.
    double paragraph_gap = 0.1;
    // The list's line pitch (× font size) when its cells set space between paragraphs, else 0.
    // With it, that space decides where a paragraph ends on a page, and a list marker at a
    // line start no longer does: the marker may be a wrapped inline "2." (corpus rule 1).
    double spaced_pitch = 0;
    // Where the list's cells show their numbered items: a line that ends a sentence at the
    // cell's edge before an item number ends its paragraph unless the cell, else the list,
    // runs such items on inline (numbering_habit.hpp).
    NumberingHabit numbering;
};

// The tolerances for one list's cells: spaced_pitch is set when enough of their line pitches
// stand clearly above the tightest one; justified unless enough of their lines stop visibly
// short of the right edge although what follows them did not fit, as ragged lines do.
ParagraphTolerances paragraph_style(const std::vector<const std::vector<TextLine>*>& cells);

// True when `line` starts a paragraph by its look alone: a list marker (2. 2、（二） 二、 (2) ①)
// or a department heading standing alone (县水利局：).
bool starts_with_marker(const std::string& text);
bool is_heading_line(const std::string& text);

// Whether `prev` ends its paragraph, `line` being the next line of the same cell (on the same
// page or, cut by a page break, at the top of the next).
bool ends_paragraph(const TextLine& prev, const TextLine& line, const ParagraphTolerances& tol);

// A cell's paragraphs from its lines (which may come from several pages).
Paragraphs paragraphs_from_lines(const std::vector<TextLine>& lines, const ParagraphTolerances& tol = {});

// A header label or a heading: all lines joined, no paragraph breaks.
std::string join_lines(const std::vector<TextLine>& lines);

}  // namespace dutylist::pdf
