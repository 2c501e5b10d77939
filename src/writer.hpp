// What a renderer is to the rest of the program: a Document in, bytes out. Most write their
// own files for each input; a dataset writer adds each input's records to one file per run.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/document.hpp"
#include "model/import_template.hpp"
#include "model/source_images.hpp"

namespace dutylist {

struct RenderOptions {
    bool bom = true;                // CSV: UTF-8 byte-order mark for Excel/WPS
    bool merge_categories = false;  // DOCX, XLSX: merge runs of equal 事项类别 vertically
    std::string reference_doc;      // DOCX: a user's reference document, "" for ours
    double table_font_size = 0;     // DOCX: table text in points, 0 for the source's (or 12)
    bool chinese_file_names = false;  // CSV: a list's file named by its kind in Chinese (.基本履职事项清单.csv)
    bool html_fragment = false;     // HTML: the lists alone, no <html>/<head>, for pasting into a CMS
    bool html_footer = true;        // HTML: the "由 dutylist 从 … 生成" line at the end
    // CSV, XLSX, JSONL: one flat table of every list in the template's columns; null: the lists
    // as they are.
    std::shared_ptr<const ImportTemplate> import_template;
    // Review: the pictures of the items' regions of the source pages, made for this input by
    // whoever holds it (format_registry.hpp, source_images()); null or empty when its format
    // has no pages, and the page names each item's table and row instead.
    std::shared_ptr<const SourceImages> source_images;
};

struct Output {
    std::string suffix;  // appended to the input's stem: ".json", ".basic.csv"
    std::string bytes;
};

// Writes OUTDIR/<stem><suffix> for each input, one file or several (CSV: one per list).
struct FileRendering {
    std::vector<Output> (*render)(const Document& document, const RenderOptions& options);
};

// Writes one dataset for a whole run, OUTDIR/<file>: the records of every input in input
// order. The records of each input are rendered alone, so that they can be written as soon
// as it is converted instead of all inputs being held until the end.
struct DatasetRendering {
    std::string_view file;  // "items.jsonl"
    // `input` is the path as given or found under a folder, which the records name.
    std::string (*records)(const Document& document, const std::string& input, const RenderOptions& options);
};

struct Writer {
    std::string_view name;          // as given to -t: "json", "csv", "jsonl"
    std::string_view display_name;  // "dutylist JSON": for help
    std::variant<FileRendering, DatasetRendering> rendering;
    // Shows the pictures of RenderOptions::source_images, which the caller then makes.
    bool shows_source_images = false;

    const FileRendering* per_input() const { return std::get_if<FileRendering>(&rendering); }
    const DatasetRendering* dataset() const { return std::get_if<DatasetRendering>(&rendering); }
};

}  // namespace dutylist
