"""Responsive images: each raster picture resized to a few widths, in WebP and its own format.

A phone photo of 4000 px and 5 MB is what a trainer drops into docs/; a reader on a phone needs
480 px. `ImageSets.get` turns a picture into copies 480, 800 and 1200 px wide (never wider than the
original), in WebP plus the original format, with the EXIF orientation applied and all metadata
(GPS, camera, time) left out. Copies are stored under a hash of the picture's bytes, so a warm
build resizes nothing. SVG and GIF pass through unchanged (`None`).

Bad pictures are ContentError: missing, unreadable, damaged, an unsupported format, or more than
40 megapixels (a decompression bomb would take the build's memory).
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from PIL import Image, ImageOps, UnidentifiedImageError

from ..core.errors import ContentError

WIDTHS = (480, 800, 1200)
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}
RASTER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
PASS_THROUGH = (".svg", ".gif")
OUTPUT_FOLDER = "assets/images/responsive"  # site folder of the resized copies
# Changing how copies are made changes every key, so no old copy is served for new settings.
IMAGES_VERSION = "1"

_EXPECTED = "a JPEG, PNG, WebP, GIF or SVG image file"


@dataclass(frozen=True)
class Variant:
    path: str  # site path, e.g. assets/images/responsive/<key>/foto-480.webp
    width: int
    height: int
    mime: str
    size: int  # bytes


@dataclass(frozen=True)
class ImageSet:
    """The published copies of one picture, smallest first per format."""

    src: str  # site path of the original
    width: int  # of the largest copy: what width/height attributes state
    height: int
    mime: str  # the original's format
    variants: tuple[Variant, ...]

    def of(self, mime: str) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.mime == mime)

    @property
    def fallback(self) -> Variant:
        """The largest copy in the original format: `<img src>`, og:image, feed enclosure."""
        return self.of(self.mime)[-1]

    def srcset(self, mime: str, url=lambda path: path) -> str:
        return ", ".join(f"{url(v.path)} {v.width}w" for v in self.of(mime))


def is_raster(path: str) -> bool:
    return path.lower().endswith(RASTER_SUFFIXES)


def target_widths(width: int, widths: Sequence[int] = WIDTHS) -> list[int]:
    """The copies' widths: every configured width below the original, then the original's own
    width up to the largest configured one. Never wider than the original."""
    largest = max(widths)
    return sorted({w for w in widths if w < width} | {min(width, largest)})


def content_key(data: bytes, widths: Sequence[int]) -> str:
    digest = hashlib.sha256(f"{IMAGES_VERSION}|{','.join(map(str, widths))}\0".encode())
    digest.update(data)
    return digest.hexdigest()[:20]


def open_checked(path: Path, source: str, key: str | None, shown: str) -> Image.Image:
    """The picture, opened and checked; ContentError names the content file and key that use it."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
    except FileNotFoundError:
        raise ContentError(source, key, "an image file that exists", shown) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ContentError(source, key, f"an image of at most {MAX_PIXELS // 1_000_000} megapixels", shown) from None
    except UnidentifiedImageError:
        raise ContentError(source, key, f"{_EXPECTED} (this file is no picture Pillow can read)", shown) from None
    except OSError as err:
        raise ContentError(source, key, f"a readable image file ({err.strerror or err})", shown) from None
    if image.format not in FORMATS:
        image.close()
        raise ContentError(source, key, f"{_EXPECTED} (this one is {image.format})", shown)
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise ContentError(
            source, key, f"an image of at most {MAX_PIXELS // 1_000_000} megapixels ({width}x{height} is more)", shown
        )
    try:
        image.load()
    except (OSError, SyntaxError, ValueError) as err:
        image.close()
        raise ContentError(source, key, f"a complete, undamaged image file ({err})", shown) from None
    return image


def _save(image: Image.Image, path: Path, fmt: str) -> None:
    """Written under a temporary name and then moved: never half a file in the cache."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    if fmt == "JPEG":
        image.convert("RGB").save(partial, "JPEG", quality=82, optimize=True, progressive=True)
    elif fmt == "PNG":
        image.save(partial, "PNG", optimize=True)
    else:
        image.save(partial, "WEBP", quality=80, method=4)
    os.replace(partial, path)


def make_set(image: Image.Image, src: str, folder: Path, key: str, widths: Sequence[int]) -> dict:
    """Resize into `folder`; returns the set's description (what `info.json` holds)."""
    original = image.format or "JPEG"
    image = ImageOps.exif_transpose(image)  # turned the way the camera was held; drops the EXIF
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "transparency" in image.info or image.mode in ("P", "PA") else "RGB")
    stem = posixpath.splitext(posixpath.basename(src))[0]
    formats = ["WEBP"] if original == "WEBP" else ["WEBP", original]
    folder.mkdir(parents=True, exist_ok=True)
    variants = []
    for width in target_widths(image.width, widths):
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        resized.info = {}  # nothing of the original's metadata travels with a copy
        for fmt in formats:
            extension, mime = FORMATS[fmt]
            name = f"{stem}-{width}.{extension}"
            _save(resized, folder / name, fmt)
            variants.append({"name": name, "width": width, "height": height, "mime": mime, "size": (folder / name).stat().st_size})
    info = {"width": variants[-1]["width"], "height": variants[-1]["height"], "mime": FORMATS[original][1], "variants": variants}
    partial = folder / f"info.json.{os.getpid()}.part"
    partial.write_text(json.dumps(info), encoding="utf-8")
    os.replace(partial, folder / "info.json")
    return info


class ImageSets:
    """The build's responsive images, by the original's site path; stored in `cache` (a folder)."""

    def __init__(self, docs_dir: Path, cache: Path, widths: Sequence[int] = WIDTHS):
        self.docs_dir = docs_dir
        self.cache = cache
        self.widths = tuple(sorted(widths))
        self._known: dict[str, tuple[tuple, ImageSet]] = {}  # site path -> (file stamp, set)
        self.used: dict[str, ImageSet] = {}  # this build's sets: their copies are published
        self.made = 0  # pictures resized (not found in the cache)

    def start_build(self) -> None:
        self.used = {}
        self.made = 0

    def get(self, src: str, source: str, key: str | None) -> ImageSet | None:
        """The set of the picture at site path `src`; None for SVG/GIF. Raises ContentError."""
        src = src.lstrip("/")
        lowered = src.lower()
        shown = f"docs/{src}"
        if lowered.endswith(PASS_THROUGH):
            return None
        path = self.docs_dir / src
        if not is_raster(lowered):
            raise ContentError(source, key, _EXPECTED, shown)
        try:
            stat = path.stat()
        except OSError:
            raise ContentError(source, key, "an image file that exists", shown) from None
        stamp = (stat.st_mtime_ns, stat.st_size)
        known = self._known.get(src)
        if known is not None and known[0] == stamp:
            self.used[src] = known[1]
            return known[1]
        try:
            data = path.read_bytes()
        except OSError as err:
            raise ContentError(source, key, f"a readable image file ({err.strerror})", shown) from None
        digest = content_key(data, self.widths)
        folder = self.cache / digest
        info = self._read_info(folder)
        if info is None:
            with open_checked(path, source, key, shown) as image:
                info = make_set(image, src, folder, digest, self.widths)
            self.made += 1
        out = f"{OUTPUT_FOLDER}/{digest}"
        found = ImageSet(
            src=src, width=info["width"], height=info["height"], mime=info["mime"],
            variants=tuple(
                Variant(f"{out}/{v['name']}", v["width"], v["height"], v["mime"], v["size"]) for v in info["variants"]
            ),
        )
        self._known[src] = (stamp, found)
        self.used[src] = found
        return found

    @staticmethod
    def _read_info(folder: Path) -> dict | None:
        try:
            return json.loads((folder / "info.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def cached_file(self, variant: Variant) -> Path:
        """Where a published copy lies in the cache."""
        digest, name = variant.path.split("/")[-2:]
        return self.cache / digest / name

    def prune(self, keep_folders: Sequence[str] = ()) -> None:
        """Remove cached sets no picture of this build uses (a published build knows them all)."""
        keep = {v.path.split("/")[-2] for found in self.used.values() for v in found.variants} | set(keep_folders)
        if not self.cache.is_dir():
            return
        for folder in self.cache.iterdir():
            if folder.is_dir() and folder.name not in keep:
                for entry in folder.iterdir():
                    entry.unlink(missing_ok=True)
                folder.rmdir()


def strip_metadata(path: Path, cache: Path) -> Path | None:
    """A copy of a JPEG/PNG/WebP without EXIF/GPS (orientation applied), or None when the file
    carries none or is no readable picture (then it is published as it is)."""
    try:
        data = path.read_bytes()
        digest = hashlib.sha256(b"strip1\0" + data).hexdigest()[:20]
        target = cache / "stripped" / f"{digest}{path.suffix.lower()}"
        if target.is_file():
            return target
        with Image.open(path) as image:
            if image.format not in FORMATS or image.width * image.height > MAX_PIXELS:
                return None
            if not image.getexif() and "exif" not in image.info and "xmp" not in image.info:
                return None
            image.load()
            turned = ImageOps.exif_transpose(image)
            turned.info = {}
            target.parent.mkdir(parents=True, exist_ok=True)
            _save(turned, target, image.format)
        return target
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
