// The OOXML container of a DOCX or an XLSX: a ZIP read from memory with a cap on what it may
// inflate, its XML parts parsed by libxml2 without network, DTDs or entity expansion, and the
// relationships between its parts. libzip and libxml2 stay inside this module; what leaves it is
// bytes, a parsed tree or a dutylist::Error.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct zip;
struct _xmlDoc;
struct _xmlNode;

namespace dutylist::docx {

struct PackageLimits {
    size_t max_part_bytes = size_t{64} << 20;    // one inflated part
    size_t max_total_bytes = size_t{256} << 20;  // everything inflated from one file
    int max_xml_depth = 200;                     // element nesting in any part
};

// A parsed XML part; owns the libxml2 tree.
class XmlPart {
public:
    explicit XmlPart(_xmlDoc* doc);
    ~XmlPart();
    XmlPart(XmlPart&& other) noexcept;
    XmlPart& operator=(XmlPart&& other) noexcept;
    XmlPart(const XmlPart&) = delete;
    XmlPart& operator=(const XmlPart&) = delete;
    _xmlNode* root() const;

private:
    _xmlDoc* doc_;
};

// Parses one part the safe way; `name` and `what` ("the Word document") are for messages. Throws Error on malformed XML and on a
// DTD (OOXML has none, so one is an entity bomb, an external entity or a broken file). libxml2
// caps nesting at 256 without XML_PARSE_HUGE; the OOXML walker enforces max_xml_depth.
XmlPart parse_xml(std::string_view bytes, const std::string& name, const std::string& what = "the Word document");

class Package {
public:
    // Opens the ZIP in `bytes` (which must outlive the Package). Throws Error if it is not one.
    // `what` names the file in messages: "the Word document", "the Excel workbook".
    explicit Package(std::string_view bytes, PackageLimits limits = {}, std::string what = "the Word document");
    ~Package();
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;

    bool has(const std::string& part) const;
    // The inflated bytes of a part, or nothing when the package has no such part. Throws Error
    // when the part is corrupt or inflates past a limit.
    std::optional<std::string> read(const std::string& part);
    std::optional<XmlPart> read_xml(const std::string& part);
    const PackageLimits& limits() const { return limits_; }

    struct Relationship {
        std::string id;
        std::string type;
        std::string target;  // the part it points to, resolved against the source part
    };
    // The internal relationships of `source_part` ("word/document.xml"; "" for the package's own),
    // from its .rels part.
    std::vector<Relationship> relationships(const std::string& source_part);
    // The part a relationship of `source_part` of one of these types points to, or `fallback`.
    std::string related_part(const std::string& source_part, std::initializer_list<const char*> types,
                             const std::string& fallback);

private:
    zip* archive_ = nullptr;
    PackageLimits limits_;
    std::string what_;
    size_t inflated_ = 0;
};

}  // namespace dutylist::docx
