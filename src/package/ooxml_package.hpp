// The OOXML container of a DOCX or an XLSX, for the readers and for the DOCX renderer's
// reference document: a ZIP read from memory with a cap on what it may inflate, its XML parts
// parsed by parse_xml (xml_part.hpp), and the relationships between its parts. libzip stays
// inside this module; what leaves it is bytes, a parsed tree or a dutylist::Error.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "package/opc_parts.hpp"
#include "package/xml_part.hpp"

struct zip;

namespace dutylist::package {

struct PackageLimits {
    size_t max_part_bytes = size_t{64} << 20;    // one inflated part
    size_t max_total_bytes = size_t{256} << 20;  // everything inflated from one file
    int max_xml_depth = 200;                     // element nesting the DOCX walker follows
};

class Package {
public:
    // Opens the ZIP in `bytes` (which must outlive the Package). Throws Error if it is not one.
    // `what` names the file in messages: "the Word document", "the Excel workbook", "the
    // reference document x.docx".
    Package(std::string_view bytes, std::string what, PackageLimits limits = {});
    ~Package();
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;

    bool has(const std::string& part) const;
    // Every part's name, in the ZIP's order; folder entries are no parts.
    std::vector<std::string> part_names() const;
    // The inflated bytes of a part, or nothing when the package has no such part. Throws Error
    // when the part is corrupt, encrypted or inflates past a limit.
    std::optional<std::string> read(const std::string& part);
    std::optional<XmlPart> read_xml(const std::string& part);
    // Every part inflated, within the same limits.
    std::map<std::string, std::string> read_all();
    const PackageLimits& limits() const { return limits_; }

    // The internal relationships of `source_part` ("word/document.xml"; "" for the package's
    // own), from its .rels part; none when it has no .rels part.
    std::vector<Relationship> relationships(const std::string& source_part);
    // The part a relationship of `source_part` of one of these types points to, or `fallback`.
    std::string related_part(const std::string& source_part, std::initializer_list<const char*> types,
                             const std::string& fallback);

private:
    void refuse_duplicate_names() const;

    zip* archive_ = nullptr;
    std::string what_;
    PackageLimits limits_;
    size_t inflated_ = 0;
};

}  // namespace dutylist::package
