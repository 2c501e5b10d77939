#include "i18n/catalogue.hpp"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

#include "model/error.hpp"

namespace dutylist::i18n {
namespace {

// The .mo header: magic, revision, count, offset of the English table, offset of the
// translations table (GNU gettext manual, "The Format of GNU MO Files").
constexpr uint32_t mo_magic = 0x950412de;
constexpr uint32_t mo_magic_swapped = 0xde120495;
constexpr size_t mo_header_bytes = 20;
// msgctxt entries join context and message with EOT; plural entries join forms with NUL.
constexpr char context_separator = '\x04';

class MoBytes {
public:
    explicit MoBytes(std::string_view bytes) : bytes_(bytes) {
        if (bytes_.size() < mo_header_bytes) throw Error("the message catalogue is cut short");
        const uint32_t magic = raw_word(0);
        if (magic != mo_magic && magic != mo_magic_swapped) throw Error("the message catalogue is not a .mo file");
        swapped_ = magic == mo_magic_swapped;
    }
    uint32_t word(size_t offset) const {
        if (offset > bytes_.size() || bytes_.size() - offset < 4) throw Error("the message catalogue is damaged");
        const uint32_t w = raw_word(offset);
        return swapped_ ? __builtin_bswap32(w) : w;
    }
    // The string of the table entry `index` of the table at `table` (length, offset pairs).
    std::string_view entry(uint32_t table, uint32_t index) const {
        const size_t at = size_t{table} + size_t{index} * 8;
        const uint32_t length = word(at), offset = word(at + 4);
        // Each string ends in a NUL that its length does not count; without it the file is cut.
        if (offset > bytes_.size() || bytes_.size() - offset <= length || bytes_[offset + length] != '\0')
            throw Error("the message catalogue is damaged");
        return bytes_.substr(offset, length);
    }

private:
    uint32_t raw_word(size_t offset) const {
        uint32_t w = 0;
        for (int i = 3; i >= 0; --i) w = (w << 8) | static_cast<unsigned char>(bytes_[offset + static_cast<size_t>(i)]);
        return w;
    }
    std::string_view bytes_;
    bool swapped_ = false;
};

Catalogue& catalogue_in_use() {
    static Catalogue catalogue;
    return catalogue;
}

const Catalogue*& thread_catalogue_in_use() {
    thread_local const Catalogue* catalogue = nullptr;
    return catalogue;
}

std::filesystem::path executable_folder() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

std::string read_whole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

Catalogue Catalogue::parse(std::string_view bytes) {
    const MoBytes mo(bytes);
    const uint32_t count = mo.word(8), originals = mo.word(12), translations = mo.word(16);
    Catalogue catalogue;
    for (uint32_t i = 0; i < count; ++i) {
        const std::string_view english = mo.entry(originals, i), translated = mo.entry(translations, i);
        // The empty message is the catalogue's header; untranslated entries keep the English.
        if (english.empty() || translated.empty()) continue;
        if (english.find(context_separator) != std::string_view::npos) continue;
        if (english.find('\0') != std::string_view::npos) continue;
        catalogue.messages_.emplace(english, translated);
    }
    return catalogue;
}

const std::string* Catalogue::find(std::string_view english) const {
    const auto it = messages_.find(english);
    return it == messages_.end() ? nullptr : &it->second;
}

std::string language_from_environment() {
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (!value || !*value) continue;
        // LANGUAGE is a list of preferences; its first entry is the one we can honour or not.
        const std::string_view first = std::string_view(value).substr(0, std::string_view(value).find(':'));
        return first.starts_with("zh") ? "zh_CN" : "";
    }
    return "";
}

std::vector<std::filesystem::path> catalogue_candidates(const std::string& language) {
    const std::filesystem::path tail = std::filesystem::path(language) / "LC_MESSAGES" / "dutylist.mo";
    const auto folder = executable_folder();
    std::vector<std::filesystem::path> candidates;
    if (!folder.empty()) {
        candidates.push_back(folder / "locale" / tail);
        candidates.push_back(folder.parent_path() / "locale" / tail);
        // An installed tree moved to another prefix: PREFIX/bin/dutylist, PREFIX/share/locale.
        candidates.push_back(folder.parent_path() / "share" / "locale" / tail);
    }
    candidates.push_back(std::filesystem::path(DUTYLIST_LOCALEDIR) / tail);
    return candidates;
}

Catalogue load_catalogue(const std::string& language) {
    for (const auto& path : catalogue_candidates(language)) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) continue;
        try {
            return Catalogue::parse(read_whole(path));
        } catch (const Error& e) {
            throw Error(path.string() + ": " + e.what());
        }
    }
    return {};
}

void use_language_of_environment() {
    const std::string language = language_from_environment();
    if (language.empty()) return;
    try {
        use_catalogue(load_catalogue(language));
    } catch (const Error& e) {
        std::cerr << "dutylist: warning: " << e.what() << "; messages stay English\n";
    }
}

void use_thread_catalogue(const Catalogue* catalogue) { thread_catalogue_in_use() = catalogue; }

const Catalogue* thread_catalogue() { return thread_catalogue_in_use(); }

std::string language_from_accept_language(std::string_view header) {
    // "zh-CN,zh;q=0.9,en;q=0.8": the highest q among the tags we speak; the first wins a tie.
    std::string best;
    double best_q = 0;
    while (!header.empty()) {
        const size_t comma = header.find(',');
        std::string_view entry = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        const size_t semicolon = entry.find(';');
        std::string_view tag = entry.substr(0, semicolon);
        while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
        double q = 1;
        if (const size_t at = entry.find("q=", semicolon == std::string_view::npos ? entry.size() : semicolon); at != std::string_view::npos)
            q = std::atof(std::string(entry.substr(at + 2)).c_str());
        const std::string language = tag.starts_with("zh") ? "zh_CN" : tag.starts_with("en") ? "en" : "";
        if (!language.empty() && q > best_q) {
            best = language;
            best_q = q;
        }
    }
    return best;
}

void use_catalogue(Catalogue catalogue) { catalogue_in_use() = std::move(catalogue); }

}  // namespace dutylist::i18n

namespace dutylist {

const char* _(const char* english) {
    const i18n::Catalogue* own = i18n::thread_catalogue_in_use();
    const std::string* translated = (own ? *own : i18n::catalogue_in_use()).find(english);
    return translated ? translated->c_str() : english;
}

}  // namespace dutylist
