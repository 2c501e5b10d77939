#include "extractors/ocr/installed_faces.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include <cmath>

namespace dutylist::ocr {
namespace {

// Splash draws a glyph at this many positions across a pixel (splashFontFraction).
constexpr double splash_fraction = 4;

struct FaceFile {
    std::string path;
    int index = 0;
    std::string name;
    FT_Face face = nullptr;
    bool failed = false;
    FT_F26Dot6 size = 0;  // the em it is set to, in 1/64 pixels
};

std::string string_of(FcPattern* p, const char* object) {
    FcChar8* value = nullptr;
    return FcPatternGetString(p, object, 0, &value) == FcResultMatch ? reinterpret_cast<const char*>(value) : "";
}

std::vector<FaceFile> list_faces() {
    std::vector<FaceFile> out;
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return out;
    FcPattern* pattern = FcPatternCreate();
    FcLangSet* langs = FcLangSetCreate();
    FcLangSetAdd(langs, reinterpret_cast<const FcChar8*>("zh"));
    FcPatternAddLangSet(pattern, FC_LANG, langs);
    FcObjectSet* objects = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_FAMILY, FC_STYLE, nullptr);
    if (FcFontSet* set = FcFontList(config, pattern, objects)) {
        for (int i = 0; i < set->nfont; ++i) {
            FaceFile f;
            f.path = string_of(set->fonts[i], FC_FILE);
            FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &f.index);
            f.name = string_of(set->fonts[i], FC_FAMILY) + " " + string_of(set->fonts[i], FC_STYLE);
            if (!f.path.empty()) out.push_back(f);
        }
        FcFontSetDestroy(set);
    }
    FcObjectSetDestroy(objects);
    FcLangSetDestroy(langs);
    FcPatternDestroy(pattern);
    FcConfigDestroy(config);
    return out;
}

}  // namespace

struct InstalledFaces::Impl {
    FT_Library library = nullptr;
    std::vector<FaceFile> faces = list_faces();

    FT_Face open(size_t i) {
        FaceFile& f = faces[i];
        if (!f.face && !f.failed && library)
            f.failed = FT_New_Face(library, f.path.c_str(), f.index, &f.face) != 0 ||
                       FT_Select_Charmap(f.face, FT_ENCODING_UNICODE) != 0;
        return f.failed ? nullptr : f.face;
    }
};

InstalledFaces::InstalledFaces() : impl_(std::make_unique<Impl>()) {
    if (FT_Init_FreeType(&impl_->library) != 0) impl_->library = nullptr;
}

InstalledFaces::~InstalledFaces() {
    for (FaceFile& f : impl_->faces)
        if (f.face) FT_Done_Face(f.face);
    if (impl_->library) FT_Done_FreeType(impl_->library);
}

size_t InstalledFaces::size() const { return impl_->faces.size(); }

std::string InstalledFaces::name(size_t face) const { return impl_->faces[face].name; }

bool InstalledFaces::draw(size_t face, char32_t c, const InkBox& frame, InkBox& out) {
    FT_Face f = impl_->open(face);
    if (!f || FT_Get_Char_Index(f, c) == 0) return false;
    // Setting the size costs as much as drawing a glyph: a face keeps the last one.
    const auto size = static_cast<FT_F26Dot6>(std::lround(frame.ppem * 64));
    FaceFile& file = impl_->faces[face];
    if (file.size != size) {
        if (FT_Set_Char_Size(f, 0, size, 72, 72) != 0) return false;
        file.size = size;
    }
    if (FT_Load_Char(f, c, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0 || f->glyph->format != FT_GLYPH_FORMAT_OUTLINE)
        return false;
    // Placed as Poppler's Splash places glyphs on the page: the origin's whole pixels move the
    // bitmap, its fraction of a pixel across moves the outline in quarter pixels, and its
    // fraction down is dropped (Splash.cc, fillChar).
    const double ix = std::floor(frame.origin_x), iy = std::floor(frame.origin_y);
    const double quarters = std::floor((frame.origin_x - ix) * splash_fraction) / splash_fraction;
    FT_Outline_Translate(&f->glyph->outline, static_cast<FT_Pos>(std::lround(quarters * 64)), 0);
    if (FT_Render_Glyph(f->glyph, FT_RENDER_MODE_NORMAL) != 0) return false;
    out.width = frame.width;
    out.height = frame.height;
    out.ppem = frame.ppem;
    out.origin_x = frame.origin_x;
    out.origin_y = frame.origin_y;
    out.ink.assign(static_cast<size_t>(out.width) * static_cast<size_t>(out.height), 0);
    const FT_Bitmap& bitmap = f->glyph->bitmap;
    const int left = static_cast<int>(ix) + f->glyph->bitmap_left, top = static_cast<int>(iy) - f->glyph->bitmap_top;
    for (unsigned row = 0; row < bitmap.rows; ++row) {
        const int y = top + static_cast<int>(row);
        if (y < 0 || y >= out.height) continue;
        for (unsigned col = 0; col < bitmap.width; ++col) {
            const int x = left + static_cast<int>(col);
            if (x >= 0 && x < out.width)
                out.ink[static_cast<size_t>(y) * static_cast<size_t>(out.width) + static_cast<size_t>(x)] =
                    bitmap.buffer[static_cast<ptrdiff_t>(row) * bitmap.pitch + static_cast<ptrdiff_t>(col)];
        }
    }
    return true;
}

std::vector<char32_t> InstalledFaces::characters(size_t face) {
    std::vector<char32_t> out;
    FT_Face f = impl_->open(face);
    if (!f) return out;
    FT_UInt glyph = 0;
    for (FT_ULong c = FT_Get_First_Char(f, &glyph); glyph != 0; c = FT_Get_Next_Char(f, c, &glyph))
        out.push_back(static_cast<char32_t>(c));
    return out;
}

}  // namespace dutylist::ocr
