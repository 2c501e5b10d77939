#include "extractors/office/legacy_reader.hpp"

#include <fstream>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "extractors/docx/docx_reader.hpp"
#include "extractors/office/legacy_formats.hpp"
#include "extractors/office/libreoffice.hpp"
#include "extractors/office/ole_container.hpp"
#include "extractors/xlsx/xlsx_reader.hpp"
#include "i18n/catalogue.hpp"
#include "io/files.hpp"
#include "io/sha256.hpp"
#include "model/error.hpp"

namespace dutylist::office {
namespace {

// Conversions made ahead by convert_ahead, by the original's content, until the readers of
// every file holding that content (copies under other names too) have taken them.
class ConvertedAhead {
public:
    void put(const std::string& key, Conversion conversion, size_t uses) {
        std::lock_guard lock(mutex_);
        held_[key] = {std::move(conversion), uses};
    }
    std::optional<Conversion> take(const std::string& key) {
        std::lock_guard lock(mutex_);
        auto it = held_.find(key);
        if (it == held_.end()) return std::nullopt;
        if (--it->second.uses > 0) return it->second.conversion;
        Conversion c = std::move(it->second.conversion);
        held_.erase(it);
        return c;
    }

private:
    struct Held {
        Conversion conversion;
        size_t uses = 0;
    };
    std::mutex mutex_;
    std::map<std::string, Held> held_;
};

ConvertedAhead& converted_ahead() {
    static ConvertedAhead store;
    return store;
}

Target target_of(LegacyKind kind) { return kind == LegacyKind::workbook ? Target::xlsx : Target::docx; }

std::string_view kind_name(LegacyKind kind) {
    switch (kind) {
        case LegacyKind::workbook: return "an Excel 97–2003 workbook";
        case LegacyKind::rtf: return "an RTF document";
        default: return "a Word 97–2003 document";
    }
}

Document read_through_libreoffice(const InputFile& input, const ReadOptions& options, LegacyKind kind) {
    if (kind == LegacyKind::word && is_encrypted_word(input.bytes))
        throw Error(_("this Word document is protected by a password; open it in Word or WPS, remove the password, "
                      "save it and try again"));
    std::optional<Conversion> conversion = converted_ahead().take(sha256_hex(input.bytes));
    if (!conversion)
        conversion = std::move(convert_with_libreoffice({{input.bytes, conversion_extension(kind)}}, target_of(kind), options.convert_timeout)[0]);
    // LibreOffice is the long step: its stall limit was cut to the deadline, and a conversion
    // that ended past it goes no further.
    options.deadline.check();
    if (!conversion->bytes) throw Error(conversion->failure);
    // The converted file keeps the original's name: messages and provenance speak of it.
    const InputFile converted{input.name, std::move(*conversion->bytes)};
    try {
        return target_of(kind) == Target::xlsx ? read_xlsx(converted, options) : read_docx(converted, options);
    } catch (const Error& e) {
        // The reader speaks of a Word document or workbook; the clerk gave something else.
        throw Error(std::string(kind_name(kind)) + ", converted by LibreOffice: " + e.what());
    }
}

// Whether a file is worth reading whole to learn its kind: only OLE files and RTF can be.
bool may_be_legacy(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[8] = {};
    in.read(head, sizeof head);
    const std::string_view bytes(head, static_cast<size_t>(in.gcount()));
    return has_ole_magic(bytes) || bytes.starts_with("{\\rtf");
}

// The files to convert ahead, each content once, with how many files hold it.
struct Pending {
    std::vector<std::string> keys;
    std::vector<std::string> bytes;
    std::vector<LegacyKind> kinds;
    std::map<std::string, size_t> uses;
};

void convert_pending(const Pending& pending, Target target, std::chrono::seconds stall_limit) {
    std::vector<ConversionInput> inputs;
    std::vector<size_t> which;
    for (size_t i = 0; i < pending.keys.size(); ++i) {
        if (target_of(pending.kinds[i]) != target) continue;
        inputs.push_back({pending.bytes[i], conversion_extension(pending.kinds[i])});
        which.push_back(i);
    }
    std::vector<Conversion> results = convert_with_libreoffice(inputs, target, stall_limit);
    for (size_t j = 0; j < which.size(); ++j) {
        const std::string& key = pending.keys[which[j]];
        converted_ahead().put(key, std::move(results[j]), pending.uses.at(key));
    }
}

}  // namespace

bool sniff_legacy_word(std::string_view bytes) { return legacy_kind(bytes) == LegacyKind::word; }
bool sniff_rtf(std::string_view bytes) { return legacy_kind(bytes) == LegacyKind::rtf; }
bool sniff_legacy_workbook(std::string_view bytes) { return legacy_kind(bytes) == LegacyKind::workbook; }

Document read_legacy_word(const InputFile& input, const ReadOptions& options) {
    return read_through_libreoffice(input, options, LegacyKind::word);
}
Document read_rtf(const InputFile& input, const ReadOptions& options) { return read_through_libreoffice(input, options, LegacyKind::rtf); }
Document read_legacy_workbook(const InputFile& input, const ReadOptions& options) {
    return read_through_libreoffice(input, options, LegacyKind::workbook);
}

void convert_ahead(const std::vector<std::string>& paths, size_t max_bytes, std::chrono::seconds stall_limit,
                   const std::function<void(size_t)>& starting) {
    Pending pending;
    for (const auto& path : paths) {
        if (!may_be_legacy(path)) continue;
        try {
            InputFile file = read_input(path, max_bytes);
            const LegacyKind kind = legacy_kind(file.bytes);
            if (kind == LegacyKind::none || (kind == LegacyKind::word && is_encrypted_word(file.bytes))) continue;
            std::string key = sha256_hex(file.bytes);
            if (pending.uses[key]++ > 0) continue;
            pending.keys.push_back(std::move(key));
            pending.bytes.push_back(std::move(file.bytes));
            pending.kinds.push_back(kind);
        } catch (const Error&) {
            // Its reader names the reason when it comes to the file.
        }
    }
    if (pending.keys.size() < 2) return;  // one file gains nothing from converting it ahead
    starting(pending.keys.size());
    // A conversion that fails here (out of memory) is left to each file's reader to try again.
    auto convert = [&](Target target) {
        try {
            convert_pending(pending, target, stall_limit);
        } catch (const std::exception&) {
        }
    };
    std::thread spreadsheets(convert, Target::xlsx);
    convert(Target::docx);
    spreadsheets.join();
}

}  // namespace dutylist::office
