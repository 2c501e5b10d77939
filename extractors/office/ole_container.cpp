#include "extractors/office/ole_container.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace dutylist::office {
namespace {

constexpr std::string_view ole_magic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr size_t header_size = 512;
constexpr size_t directory_entry_size = 128;
constexpr size_t header_difat_entries = 109;
// Sector numbers from here up mark the end of a chain, a free sector or the table's own sectors.
constexpr uint32_t last_regular_sector = 0xFFFFFFFA;
constexpr uint8_t stream_entry = 2;

uint32_t u32(std::string_view bytes, size_t at) {
    if (at + 4 > bytes.size()) return 0xFFFFFFFF;
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(bytes[at + static_cast<size_t>(i)]);
    return v;
}

uint16_t u16(std::string_view bytes, size_t at) {
    if (at + 2 > bytes.size()) return 0;
    return static_cast<uint16_t>(static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1]) << 8);
}

// Where the file's sectors are, and the allocation table (FAT) that chains them.
class Sectors {
public:
    Sectors(std::string_view bytes, unsigned shift) : bytes_(bytes), shift_(shift) {}

    std::optional<std::string_view> sector(uint32_t n) const {
        const uint64_t offset = (static_cast<uint64_t>(n) + 1) << shift_;
        if (n > last_regular_sector || offset + size() > bytes_.size()) return std::nullopt;
        return bytes_.substr(static_cast<size_t>(offset), size());
    }
    size_t size() const { return size_t{1} << shift_; }
    // A file can hold no more sectors than this: any chain longer loops.
    size_t count() const { return bytes_.size() >> shift_; }

    // The FAT from the header's DIFAT entries and the chain of DIFAT sectors after them.
    bool read_fat() {
        std::vector<uint32_t> fat_sectors;
        for (size_t i = 0; i < header_difat_entries; ++i) fat_sectors.push_back(u32(bytes_, 0x4C + 4 * i));
        uint32_t difat = u32(bytes_, 0x44);
        // A file has no more sectors than count(), nor more FAT sectors than count() / entries:
        // a DIFAT chain that loops or claims more is damaged or hostile, and stops here.
        for (size_t hops = 0; difat <= last_regular_sector; ++hops) {
            auto s = sector(difat);
            if (!s || hops > count() || fat_sectors.size() > count()) return false;
            const size_t per_sector = size() / 4 - 1;
            for (size_t i = 0; i < per_sector; ++i) fat_sectors.push_back(u32(*s, 4 * i));
            difat = u32(*s, 4 * per_sector);
        }
        for (uint32_t n : fat_sectors) {
            if (n > last_regular_sector) continue;
            if (fat_.size() > count()) break;  // entries past the file's last sector chain nothing
            auto s = sector(n);
            if (!s) return false;
            for (size_t i = 0; i < size() / 4; ++i) fat_.push_back(u32(*s, 4 * i));
        }
        return !fat_.empty();
    }

    // The sectors of the chain from `first`, or nothing when it runs off the table or loops.
    std::optional<std::vector<std::string_view>> chain(uint32_t first) const {
        std::vector<std::string_view> out;
        std::unordered_set<uint32_t> seen;
        for (uint32_t n = first; n <= last_regular_sector; n = n < fat_.size() ? fat_[n] : 0xFFFFFFFF) {
            auto s = sector(n);
            if (!s || !seen.insert(n).second) return std::nullopt;
            out.push_back(*s);
        }
        return out;
    }

private:
    std::string_view bytes_;
    unsigned shift_;
    std::vector<uint32_t> fat_;
};

std::string entry_name(std::string_view entry) {
    const size_t length = std::min<size_t>(u16(entry, 0x40), 64);
    std::string name;
    for (size_t i = 0; i + 2 <= length; i += 2) {
        const uint16_t c = u16(entry, i);
        if (c == 0) break;
        name += c < 0x80 ? static_cast<char>(c) : '?';
    }
    return name;
}

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

bool has_ole_magic(std::string_view bytes) { return bytes.starts_with(ole_magic); }

std::optional<OleDirectory> OleDirectory::read(std::string_view bytes) {
    if (!has_ole_magic(bytes) || bytes.size() < header_size) return std::nullopt;
    const unsigned shift = u16(bytes, 0x1E);
    // Version 3 files use 512-byte sectors, version 4 files 4096-byte ones.
    if (shift != 9 && shift != 12) return std::nullopt;
    Sectors sectors(bytes, shift);
    if (!sectors.read_fat()) return std::nullopt;
    auto directory = sectors.chain(u32(bytes, 0x30));
    if (!directory || directory->empty()) return std::nullopt;
    OleDirectory result;
    result.sector_shift_ = shift;
    result.mini_cutoff_ = u32(bytes, 0x38);
    for (std::string_view sector : *directory) {
        for (size_t at = 0; at + directory_entry_size <= sector.size(); at += directory_entry_size) {
            std::string_view entry = sector.substr(at, directory_entry_size);
            if (static_cast<uint8_t>(entry[0x42]) != stream_entry) continue;
            // Version 3 files keep only the low half of the size; the high half may be garbage.
            const uint64_t size = shift == 9 ? u32(entry, 0x78) : (static_cast<uint64_t>(u32(entry, 0x7C)) << 32 | u32(entry, 0x78));
            result.streams_.push_back({entry_name(entry), u32(entry, 0x74), size});
        }
    }
    return result;
}

const OleStream* OleDirectory::find(std::string_view name) const {
    for (const auto& stream : streams_)
        if (same_name(stream.name, name)) return &stream;
    return nullptr;
}

std::string_view OleDirectory::head(std::string_view bytes, const OleStream& stream, size_t count) const {
    if (stream.size < mini_cutoff_) return {};
    const uint64_t offset = (static_cast<uint64_t>(stream.start_sector) + 1) << sector_shift_;
    if (stream.start_sector > last_regular_sector || offset >= bytes.size()) return {};
    const size_t wanted = std::min<size_t>({count, size_t{1} << sector_shift_, static_cast<size_t>(stream.size)});
    return bytes.substr(static_cast<size_t>(offset), wanted);
}

}  // namespace dutylist::office
