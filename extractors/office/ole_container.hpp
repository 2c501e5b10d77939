// The directory of an OLE compound file (the container of Word 97–2003 .doc, WPS .wps, Excel
// 97–2003 .xls and Kingsoft .et files): which streams it holds and where each begins, so that
// a file is recognised by its content rather than its name. Nothing is decompressed or
// interpreted beyond the directory; LibreOffice reads the streams themselves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutylist::office {

struct OleStream {
    std::string name;  // as stored (UTF-16 in the file), ASCII names only are kept exact
    uint32_t start_sector = 0;
    uint64_t size = 0;
};

class OleDirectory {
public:
    // The streams of the compound file in bytes, or nothing when bytes is not one or its header,
    // allocation table or directory is damaged or cut short.
    static std::optional<OleDirectory> read(std::string_view bytes);

    // The stream of this name (compared without regard to ASCII case, as the format does).
    const OleStream* find(std::string_view name) const;
    // Up to `count` bytes from the start of a stream kept in whole sectors (not in the mini
    // stream of small streams); shorter when the file is cut short.
    std::string_view head(std::string_view bytes, const OleStream& stream, size_t count) const;

private:
    std::vector<OleStream> streams_;
    unsigned sector_shift_ = 9;
    uint64_t mini_cutoff_ = 4096;
};

bool has_ole_magic(std::string_view bytes);

}  // namespace dutylist::office
