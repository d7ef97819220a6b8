#pragma once

#include "appearance.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sb {

// Every QSettings key of the window in one place, with its default (Zeal's Core::Settings).
// Profiles are not here: ProfileStore keeps them in a file of their own. Call migrate() once at
// start, before anything reads a key; it brings keys an older version wrote up to date.
namespace UiSettings {

// The version of the layout of these keys; migrate() raises an older one to it.
inline constexpr int version = 1;
void migrate();

QByteArray windowGeometry();
void setWindowGeometry(const QByteArray &geometry);
QByteArray windowState(); // the tool bar's place (QMainWindow::saveState)
void setWindowState(const QByteArray &state);
QByteArray splitterState(); // the table and its panes
void setSplitterState(const QByteArray &state);

// The side bar's entry on show ("all", "vendor:<id>", "profile:<name>"), and the layout of the
// window's estate: the side bar beside the rest, and the grid across every source (its header:
// order, widths, sort).
QString sourceEntry();
void setSourceEntry(const QString &entry);
QByteArray estateSplitterState();
void setEstateSplitterState(const QByteArray &state);
QByteArray estateHeaderState();
void setEstateHeaderState(const QByteArray &state);
QStringList estateFields(); // the records' fields added to the grid
void setEstateFields(const QStringList &fields);

// A vendor's columns: the header's order, widths and hidden sections, and the fields added to it.
QByteArray headerState(const QString &vendor);
QStringList extraFields(const QString &vendor);
// The fields the header state was saved for, in model order: a state saved for other columns (an
// older version's) is not restored onto these.
QStringList headerFields(const QString &vendor);
// Whether the filter's conditions are folded into its bar.
bool filterCollapsed();
void setFilterCollapsed(bool collapsed);
void setColumns(const QString &vendor, const QStringList &extraFields, const QByteArray &headerState,
                const QStringList &headerFields);
void resetColumns(const QString &vendor);

// System when never chosen.
Appearance appearance();
void setAppearance(Appearance appearance);

// The folder of the last export; empty when none was made yet.
QString exportDirectory();
void setExportDirectory(const QString &directory);

} // namespace UiSettings

} // namespace sb
