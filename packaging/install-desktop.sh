#!/usr/bin/env bash
# Put Article Reader in the desktop's application menu (freedesktop: GNOME, KDE, Xfce...).
# Installs the desktop entry, AppStream metainfo and icon under PREFIX (default ~/.local),
# for an `article-reader` command already on PATH (pip install, or the PyInstaller build).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
app_id=org.articlereader.ArticleReader
install -Dm644 "$here/$app_id.desktop" "$prefix/share/applications/$app_id.desktop"
install -Dm644 "$here/$app_id.metainfo.xml" "$prefix/share/metainfo/$app_id.metainfo.xml"
install -Dm644 "$here/article-reader.svg" "$prefix/share/icons/hicolor/scalable/apps/$app_id.svg"
for png in "$here"/icons/hicolor/*/apps/"$app_id.png"; do
    size_dir="$(basename "$(dirname "$(dirname "$png")")")"
    install -Dm644 "$png" "$prefix/share/icons/hicolor/$size_dir/apps/$app_id.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$prefix/share/icons/hicolor" || true
echo "Installed $app_id under $prefix"
