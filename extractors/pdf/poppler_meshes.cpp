#include "extractors/pdf/poppler_meshes.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <GfxState.h>
#include <Object.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <XRef.h>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"

namespace dutylist::pdf {
namespace {

// Decoded mesh data is read in pieces of this many bytes.
constexpr int read_chunk = 64 * 1024;

struct MeshShape {
    double bits_per_element;   // the fewest stream bits one vertex or patch can take
    double bytes_per_element;  // what Poppler allocates for it
};

int integer(Dict* dict, const char* key) {
    const Object value = dict->lookup(key);
    return value.isInt() ? value.getInt() : 0;
}

// The shape of a mesh's elements as its dictionary declares them, or nothing when the stream
// is no mesh. Widths Poppler would refuse count as one bit: fewer bits mean more elements, so
// the estimate stays on the high side.
std::optional<MeshShape> mesh_shape(Dict* dict) {
    const int type = integer(dict, "ShadingType");
    if (type < 4 || type > 7) return std::nullopt;
    const double coordinate = std::max(1, integer(dict, "BitsPerCoordinate"));
    const double component = std::max(1, integer(dict, "BitsPerComponent"));
    const double flag = type == 5 ? 0 : std::max(0, integer(dict, "BitsPerFlag"));
    const Object decode = dict->lookup("Decode");
    const int pairs = decode.isArray() ? decode.arrayGetLength() / 2 : 0;
    const double components = std::clamp(pairs - 2, 1, gfxColorMaxComps);
    if (type <= 5) return MeshShape{flag + 2 * coordinate + components * component, sizeof(GfxGouraudVertex) + 2 * 3 * sizeof(int)};
    // The smallest patch continues the one before: 8 (Coons) or 12 (tensor) new points, two colours.
    const double points = type == 6 ? 8 : 12;
    return MeshShape{flag + points * 2 * coordinate + 2 * components * component, sizeof(GfxPatch)};
}

// Adds what the mesh in `stream` takes to `total`; throws once the total is past the limit.
void add_mesh(Stream* stream, const MeshShape& shape, double& total) {
    stream->reset();
    std::array<unsigned char, read_chunk> buffer;
    for (int read; (read = stream->doGetChars(read_chunk, buffer.data())) > 0;) {
        total += read * 8.0 / shape.bits_per_element * shape.bytes_per_element;
        if (total > max_mesh_bytes) {
            stream->close();
            throw Error(_("the PDF holds shaded meshes that would take more than 64 MB of memory to draw; it is no duty list but a malformed PDF"));
        }
    }
    stream->close();
}

}  // namespace

void check_shaded_meshes(PDFDoc& doc) {
    XRef* xref = doc.getXRef();
    double total = 0;
    // A mesh is a stream, and streams are never inside object streams: only objects stored
    // uncompressed need looking at, and none of them is decoded unless it is a mesh.
    for (int number = 0; number < xref->getNumObjects(); ++number) {
        const XRefEntry* entry = xref->getEntry(number, false);
        if (!entry || entry->type != xrefEntryUncompressed) continue;
        Object object = xref->fetch(number, entry->gen);
        if (!object.isStream()) continue;
        if (const auto shape = mesh_shape(object.streamGetDict())) add_mesh(object.getStream(), *shape, total);
    }
}

}  // namespace dutylist::pdf
