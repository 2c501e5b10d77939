#include "package/ooxml_package.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <memory>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"

namespace dutylist::package {
namespace {

std::string megabytes(size_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

struct ZipFileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

Package::Package(std::string_view bytes, std::string what, PackageLimits limits) : what_(std::move(what)), limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
        archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!archive_) zip_source_free(source);
    }
    zip_error_fini(&error);
    if (!archive_) throw Error(fmt::format(fmt::runtime(_("{} is damaged: it is not a readable ZIP package")), _(what_.c_str())));
    // A constructor that throws runs no destructor: the archive is closed here.
    try {
        refuse_duplicate_names();
    } catch (...) {
        zip_discard(archive_);
        archive_ = nullptr;
        throw;
    }
}

// Readers disagree on which of two entries of one name counts (libzip takes the first, others
// the last), so a package that holds two could show one thing to Office and another to us.
// Part names are compared as OPC does, without regard to ASCII case.
void Package::refuse_duplicate_names() const {
    std::set<std::string> seen;
    const zip_int64_t entries = zip_get_num_entries(archive_, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0);
        if (!name) continue;
        std::string folded(name);
        for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!seen.insert(folded).second) throw Error(fmt::format(fmt::runtime(_("{} is refused: its ZIP package holds two entries named {}")), _(what_.c_str()), name));
    }
}

Package::~Package() {
    if (archive_) zip_discard(archive_);
}

bool Package::has(const std::string& part) const { return zip_name_locate(archive_, part.c_str(), 0) >= 0; }

std::vector<std::string> Package::part_names() const {
    std::vector<std::string> out;
    const zip_int64_t entries = zip_get_num_entries(archive_, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0);
        if (!name) throw Error(fmt::format(fmt::runtime(_("{} is damaged: an entry of its ZIP directory cannot be read")), _(what_.c_str())));
        if (!std::string_view(name).ends_with('/')) out.emplace_back(name);
    }
    return out;
}

std::optional<std::string> Package::read(const std::string& part) {
    zip_int64_t index = zip_name_locate(archive_, part.c_str(), 0);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) != 0)
        throw Error(fmt::format(fmt::runtime(_("{} is damaged: cannot read its part {}")), _(what_.c_str()), part));
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        throw Error(fmt::format(fmt::runtime(_("{} is encrypted: its part {} cannot be read without the password")), _(what_.c_str()), part));
    auto too_large = [&] {
        return Error(fmt::format(fmt::runtime(_("{} is refused: its part {} would inflate to more than {} (a ZIP bomb, or far larger than any real document)")),
                                 _(what_.c_str()), part, megabytes(std::min(limits_.max_part_bytes, limits_.max_total_bytes))));
    };
    // The declared size is only a hint; the real limit is enforced while reading.
    if ((st.valid & ZIP_STAT_SIZE) && (st.size > limits_.max_part_bytes || inflated_ + st.size > limits_.max_total_bytes))
        throw too_large();
    std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0));
    if (!file) throw Error(fmt::format(fmt::runtime(_("{} is damaged: cannot open its part {}")), _(what_.c_str()), part));
    std::string out;
    if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<size_t>(st.size));
    char buffer[1 << 16];
    for (;;) {
        zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
        if (n < 0) throw Error(fmt::format(fmt::runtime(_("{} is damaged: its part {} does not inflate")), _(what_.c_str()), part));
        if (n == 0) break;
        out.append(buffer, static_cast<size_t>(n));
        inflated_ += static_cast<size_t>(n);
        if (out.size() > limits_.max_part_bytes || inflated_ > limits_.max_total_bytes) throw too_large();
    }
    return out;
}

std::optional<XmlPart> Package::read_xml(const std::string& part) {
    auto bytes = read(part);
    if (!bytes) return std::nullopt;
    return parse_xml(*bytes, part, what_);
}

std::map<std::string, std::string> Package::read_all() {
    std::map<std::string, std::string> out;
    for (const auto& name : part_names())
        if (auto bytes = read(name)) out[name] = std::move(*bytes);
    return out;
}

std::vector<Relationship> Package::relationships(const std::string& source_part) {
    auto rels = read_xml(relationships_part_of(source_part));
    if (!rels) return {};
    return read_relationships(*rels, source_part);
}

std::string Package::related_part(const std::string& source_part, std::initializer_list<const char*> types,
                                  const std::string& fallback) {
    for (const auto& r : relationships(source_part))
        for (const char* t : types)
            if (r.type == t) return r.part;
    return fallback;
}

}  // namespace dutylist::package
