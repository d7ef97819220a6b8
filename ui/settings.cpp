#include "settings.h"

#include <QSettings>

namespace sb::UiSettings {

namespace {

const QString kVersionKey = QStringLiteral("settingsVersion");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kSplitterKey = QStringLiteral("window/splitter");
const QString kAppearanceKey = QStringLiteral("appearance");
const QString kExportDirectoryKey = QStringLiteral("export/lastDir");

QString columnsGroup(const QString &vendor)
{
    return QStringLiteral("columns/") + vendor;
}

QString headerKey(const QString &vendor)
{
    return columnsGroup(vendor) + QStringLiteral("/header");
}

QString extraFieldsKey(const QString &vendor)
{
    return columnsGroup(vendor) + QStringLiteral("/extraFields");
}

QString fieldsKey(const QString &vendor)
{
    return columnsGroup(vendor) + QStringLiteral("/fields");
}

} // namespace

void migrate()
{
    QSettings settings;
    const int stored = settings.value(kVersionKey, 0).toInt();
    if (stored >= version)
        return; // a newer version's keys are read as they are; unknown ones are left alone
    // Version 0 (before this class) wrote the same keys as version 1: nothing to move yet.
    // A later layout moves or renames keys here, one step per version.
    settings.setValue(kVersionKey, version);
}

QByteArray windowGeometry()
{
    return QSettings().value(kGeometryKey).toByteArray();
}

void setWindowGeometry(const QByteArray &geometry)
{
    QSettings().setValue(kGeometryKey, geometry);
}

QByteArray windowState()
{
    return QSettings().value(kStateKey).toByteArray();
}

void setWindowState(const QByteArray &state)
{
    QSettings().setValue(kStateKey, state);
}

QByteArray splitterState()
{
    return QSettings().value(kSplitterKey).toByteArray();
}

void setSplitterState(const QByteArray &state)
{
    QSettings().setValue(kSplitterKey, state);
}

QString sourceEntry()
{
    return QSettings().value(QStringLiteral("window/source")).toString();
}

void setSourceEntry(const QString &entry)
{
    QSettings().setValue(QStringLiteral("window/source"), entry);
}

QByteArray estateSplitterState()
{
    return QSettings().value(QStringLiteral("window/estateSplitter")).toByteArray();
}

void setEstateSplitterState(const QByteArray &state)
{
    QSettings().setValue(QStringLiteral("window/estateSplitter"), state);
}

QByteArray estateHeaderState()
{
    return QSettings().value(QStringLiteral("window/estateHeader")).toByteArray();
}

void setEstateHeaderState(const QByteArray &state)
{
    QSettings().setValue(QStringLiteral("window/estateHeader"), state);
}

QStringList estateFields()
{
    return QSettings().value(QStringLiteral("window/estateFields")).toStringList();
}

void setEstateFields(const QStringList &fields)
{
    QSettings().setValue(QStringLiteral("window/estateFields"), fields);
}

QByteArray headerState(const QString &vendor)
{
    return QSettings().value(headerKey(vendor)).toByteArray();
}

QStringList extraFields(const QString &vendor)
{
    return QSettings().value(extraFieldsKey(vendor)).toStringList();
}

bool filterCollapsed()
{
    return QSettings().value(QStringLiteral("window/filterCollapsed"), false).toBool();
}

void setFilterCollapsed(bool collapsed)
{
    QSettings().setValue(QStringLiteral("window/filterCollapsed"), collapsed);
}

QStringList headerFields(const QString &vendor)
{
    return QSettings().value(fieldsKey(vendor)).toStringList();
}

void setColumns(const QString &vendor, const QStringList &extraFields, const QByteArray &headerState,
                const QStringList &headerFields)
{
    QSettings settings;
    settings.setValue(extraFieldsKey(vendor), extraFields);
    settings.setValue(headerKey(vendor), headerState);
    settings.setValue(fieldsKey(vendor), headerFields);
}

void resetColumns(const QString &vendor)
{
    QSettings().remove(columnsGroup(vendor));
}

Appearance appearance()
{
    return appearanceFromName(QSettings().value(kAppearanceKey).toString());
}

void setAppearance(Appearance appearance)
{
    QSettings().setValue(kAppearanceKey, appearanceName(appearance));
}

QString exportDirectory()
{
    return QSettings().value(kExportDirectoryKey).toString();
}

void setExportDirectory(const QString &directory)
{
    QSettings().setValue(kExportDirectoryKey, directory);
}

} // namespace sb::UiSettings
