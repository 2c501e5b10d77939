#include "extractors/office/legacy_formats.hpp"

#include "extractors/office/ole_container.hpp"

namespace dutylist::office {
namespace {

// The Word 97 file information block: wIdent 0xA5EC at its start, flags at offset 10.
constexpr size_t fib_flags_offset = 0x0A;
constexpr unsigned fib_encrypted_flag = 0x0100;

}  // namespace

LegacyKind legacy_kind(std::string_view bytes) {
    if (bytes.starts_with("{\\rtf")) return LegacyKind::rtf;
    if (!has_ole_magic(bytes)) return LegacyKind::none;
    const auto directory = OleDirectory::read(bytes);
    if (!directory) return LegacyKind::none;
    if (directory->find("WordDocument")) return LegacyKind::word;
    // BIFF8 (Excel 97 and later, Kingsoft) names the stream Workbook, BIFF5 (Excel 95) Book.
    if (directory->find("Workbook") || directory->find("Book")) return LegacyKind::workbook;
    return LegacyKind::none;
}

bool is_encrypted_word(std::string_view bytes) {
    const auto directory = OleDirectory::read(bytes);
    if (!directory) return false;
    const OleStream* word = directory->find("WordDocument");
    if (!word) return false;
    std::string_view fib = directory->head(bytes, *word, fib_flags_offset + 2);
    if (fib.size() < fib_flags_offset + 2) return false;
    const unsigned flags = static_cast<unsigned char>(fib[fib_flags_offset]) | static_cast<unsigned char>(fib[fib_flags_offset + 1]) << 8;
    return (flags & fib_encrypted_flag) != 0;
}

std::string_view conversion_extension(LegacyKind kind) {
    switch (kind) {
        case LegacyKind::workbook: return ".xls";
        case LegacyKind::rtf: return ".rtf";
        default: return ".doc";
    }
}

}  // namespace dutylist::office
