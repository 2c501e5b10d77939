// One XML part of an OOXML package, parsed the safe way: by libxml2 without network, DTDs or
// entity expansion, and within libxml2's own limits on nesting and text size. Every reader of
// an OOXML part, the DOCX renderer's reference document included, parses through here.
#pragma once

#include <string>
#include <string_view>

struct _xmlDoc;
struct _xmlNode;

namespace dutylist::package {

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

    // A deep copy of `node` (of another part) appended to `parent` (of this one), its namespace
    // prefixes reconciled with this part's. `what` names the file in the message on failure.
    void append_copy(_xmlNode* parent, const _xmlNode* node, const std::string& what);
    // The part as UTF-8 bytes, with an XML declaration.
    std::string serialize(const std::string& what) const;

private:
    _xmlDoc* doc_;
};

// Parses one part. `name` ("word/document.xml") and `what` ("the Word document", "the
// reference document x.docx") are for messages. Throws Error on malformed XML, on nesting past
// libxml2's 256 levels, and on a DTD (OOXML has none, so one is an entity bomb, an external
// entity or a broken file). The DOCX walker also enforces PackageLimits::max_xml_depth.
XmlPart parse_xml(std::string_view bytes, const std::string& name, const std::string& what);

}  // namespace dutylist::package
