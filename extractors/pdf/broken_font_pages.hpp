// The pages whose fonts are broken, their glyphs read for the whole document at once: the
// pages are held (page_content) until every page is known, then read in the rounds of a reading
// plan (ocr/reading_plan.hpp), each round's pages on worker threads, every page rendered only
// in the rounds that read a line of it and its votes merged in page order.
#pragma once

#include <string_view>
#include <vector>

#include "extractors/ocr/glyph_votes.hpp"
#include "extractors/ocr/text_recogniser.hpp"
#include "extractors/pdf/page_content.hpp"
#include "model/deadline.hpp"

namespace dutylist::pdf {

// This thread's recogniser, stopping at the sooner of a page's own limit and `deadline`.
ocr::TextRecogniser& page_recogniser(const Deadline& deadline);
// Throws when `deadline` passed, or the page's own limit while `reader` read page `number`.
void check_page_time(const ocr::TextRecogniser& reader, int number, const Deadline& deadline);

// Reads the broken glyphs of `pages` (of the PDF `bytes`) into `votes` on at most `workers`
// threads, and counts the lines read and left unread.
void read_broken_font_pages(std::string_view bytes, const std::vector<const PageContent*>& pages, unsigned workers,
                            const Deadline& deadline, ocr::GlyphVotes& votes);

}  // namespace dutylist::pdf
