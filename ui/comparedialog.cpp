#include "comparedialog.h"
#include "core/timetext.h"
#include "rowtableview.h"
#include "wording.h"

#include "appearance.h"
#include "detailpane.h"
#include "profilesession.h"

#include "export/csvwriter.h"
#include "export/outputfile.h"
#include "model/comparisonmodel.h"
#include "net/accountwalk.h"
#include "net/pagefetcher.h"
#include "net/pagestream.h"
#include "store/segmentstore.h"
#include "vendors/registry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace sb {

namespace {

// The status column in the window's colours: red for only in A, green for only in B, the warning
// tone for different; drawn from the palette on show, so light and dark both read.
class StatusDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (option->state & QStyle::State_Selected)
            return;
        const auto status = SegmentDifference::Status(index.data(ComparisonModel::StatusRole).toInt());
        QColor color;
        if (status == SegmentDifference::Status::OnlyA)
            color = errorColor(option->palette);
        else if (status == SegmentDifference::Status::OnlyB)
            color = successColor(option->palette);
        else if (status == SegmentDifference::Status::Different)
            color = isDarkPalette(option->palette) ? QColor(0xE5, 0xB5, 0x47) : QColor(0x9A, 0x62, 0x00);
        if (color.isValid())
            option->palette.setColor(QPalette::Text, color);
    }
};

QString sideName(int side)
{
    return side == 0 ? QStringLiteral("A") : QStringLiteral("B");
}

// The profile, and its place where its token reaches several.
QString sideLabel(const Profile &profile)
{
    const VendorApi *vendor = vendorById(profile.vendor);
    const QString scope = vendor ? vendor->scopeOf(profile) : QString();
    return scope.isEmpty() ? profile.name
                           : QCoreApplication::translate("sb::CompareDialog", "%1, %2").arg(profile.name, scope);
}

} // namespace

CompareDialog::CompareDialog(ProfileSession *session, SegmentStore *store, QWidget *parent)
    : QDialog(parent),
      m_session(session),
      m_store(store),
      m_a(new QComboBox(this)),
      m_b(new QComboBox(this)),
      m_versionA(new QComboBox(this)),
      m_versionB(new QComboBox(this)),
      m_compare(new QPushButton(tr("&Compare"), this)),
      m_summary(new QLabel(this)),
      m_status(new QLabel(this)),
      m_showIdentical(new QCheckBox(tr("Show &identical"), this)),
      m_export(new QPushButton(tr("&Export…"), this)),
      m_table(new RowTableView(this)),
      m_model(new ComparisonModel(this)),
      m_details(new DetailPane(this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare Segments"));
    m_a->setObjectName(QStringLiteral("compareA"));
    m_b->setObjectName(QStringLiteral("compareB"));
    m_versionA->setObjectName(QStringLiteral("compareVersionA"));
    m_versionB->setObjectName(QStringLiteral("compareVersionB"));
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_showIdentical->setObjectName(QStringLiteral("compareShowIdentical"));
    m_export->setObjectName(QStringLiteral("compareExport"));
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_a->setAccessibleName(tr("Profile A"));
    m_b->setAccessibleName(tr("Profile B"));
    m_versionA->setAccessibleName(tr("Version of A"));
    m_versionB->setAccessibleName(tr("Version of B"));
    for (QComboBox *version : {m_versionA, m_versionB}) {
        version->setToolTip(tr("Ask the vendor now, or compare a sync kept in the segment store"));
        version->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    }
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_compare->setDefault(true);
    m_export->setEnabled(false);

    auto *sides = new QGridLayout;
    auto *labelA = new QLabel(tr("&A:"), this);
    labelA->setBuddy(m_a);
    auto *labelB = new QLabel(tr("&B:"), this);
    labelB->setBuddy(m_b);
    sides->addWidget(labelA, 0, 0);
    sides->addWidget(m_a, 0, 1);
    sides->addWidget(m_versionA, 0, 2);
    sides->addWidget(labelB, 1, 0);
    sides->addWidget(m_b, 1, 1);
    sides->addWidget(m_versionB, 1, 2);
    sides->addWidget(m_compare, 0, 3, 2, 1, Qt::AlignVCenter);
    sides->setColumnStretch(1, 1);

    auto *results = new QHBoxLayout;
    results->addWidget(m_summary, 1);
    results->addWidget(m_showIdentical);
    results->addWidget(m_export);

    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(ComparisonModel::StatusColumn, new StatusDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false); // one line a segment; the details pane has the rest
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Differences"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sides);
    layout->addWidget(m_status);
    layout->addLayout(results);
    layout->addWidget(splitter, 1);

    connect(m_compare, &QPushButton::clicked, this, &CompareDialog::compare);
    connect(m_showIdentical, &QCheckBox::toggled, m_model, &ComparisonModel::setShowIdentical);
    connect(m_export, &QPushButton::clicked, this, &CompareDialog::exportAs);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CompareDialog::showCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CompareDialog::showCurrent);
    // Each side's syncs follow its profile.
    connect(m_a, &QComboBox::currentIndexChanged, this, [this] { refreshVersions(0); });
    connect(m_b, &QComboBox::currentIndexChanged, this, [this] { refreshVersions(1); });
    refreshProfiles();
    updateButtons();
    resize(1100, 680);
}

CompareDialog::~CompareDialog() = default;

namespace {

// An entry of the side lists: the profile, a line break (never in a profile's name), and the place
// of it ("project/environment"; empty: its own). A string: a combo box matches a list loosely.
QString sideData(const QString &profile, const QString &scope = {})
{
    return profile + QLatin1Char('\n') + scope;
}

} // namespace

void CompareDialog::refreshProfiles()
{
    for (QComboBox *combo : {m_a, m_b}) {
        const QVariant chosen = combo->currentData();
        QSignalBlocker block(combo);
        combo->clear();
        for (const Profile &p : m_session->profiles()) {
            const VendorApi *vendor = vendorById(p.vendor);
            const QString scope = vendor ? vendor->scopeOf(p) : QString();
            combo->addItem(profileTitle(p, scope), sideData(p.name));
            combo->setItemData(combo->count() - 1, profileToolTip(p, scope), Qt::ToolTipRole);
        }
        // The places found before, again, so that a side on one of them keeps it.
        for (auto it = m_scopeGroups.cbegin(); it != m_scopeGroups.cend(); ++it) {
            for (const Profile &p : m_session->profiles()) {
                if (p.name == it.key())
                    addScopes(p, it.value(), combo);
            }
        }
        const QStringList was = chosen.toString().split(QLatin1Char('\n'));
        const int at = chosen.isValid() ? entryFor(combo, was.value(0), was.value(1)) : -1;
        combo->setCurrentIndex(at >= 0 ? at : 0);
    }
    refreshVersions(0);
    refreshVersions(1);
    discoverScopes();
}

void CompareDialog::discoverScopes()
{
    for (const Profile &p : m_session->profiles()) {
        const VendorApi *vendor = vendorById(p.vendor);
        if (!vendor || !vendor->discoversScopes() || m_discovered.contains(p.name))
            continue;
        m_discovered.insert(p.name);
        m_session->withSecret(
            p.name,
            [this, vendor](const Profile &profile, const QString &secret) {
                auto *discovery = new ScopeDiscovery(vendor, profile, secret, this);
                connect(discovery, &ScopeDiscovery::finished, this,
                        [this, discovery, profile](const QList<ScopeGroup> &groups) {
                            discovery->deleteLater();
                            m_scopeGroups.insert(profile.name, groups);
                            for (QComboBox *combo : {m_a, m_b})
                                addScopes(profile, groups, combo);
                        });
                // Without the listing, the profile's own place is still there to compare.
                connect(discovery, &ScopeDiscovery::failed, discovery, &QObject::deleteLater);
                discovery->start();
            },
            [](const QString &) {});
    }
}

void CompareDialog::addScopes(const Profile &profile, const QList<ScopeGroup> &groups, QComboBox *combo)
{
    const VendorApi *vendor = vendorById(profile.vendor);
    const QString own = vendor->scopeOf(profile);
    QSignalBlocker block(combo);
    int at = combo->findData(sideData(profile.name));
    if (at < 0)
        return;
    for (const ScopeGroup &g : groups) {
        for (const NamedKey &s : g.scopes) {
            const QString scope = g.group.key + QLatin1Char('/') + s.key;
            if (scope == own || combo->findData(sideData(profile.name, scope)) >= 0)
                continue;
            combo->insertItem(++at, profileTitle(profile, scope), sideData(profile.name, scope));
            combo->setItemData(at, tr("%1 · %2").arg(g.group.name, s.name), Qt::ToolTipRole);
        }
    }
}

void CompareDialog::setSides(const QString &a, const QString &b, bool storedA, bool storedB, const QString &scopeA,
                             const QString &scopeB)
{
    // A place the list does not have yet is added beneath its profile (the side bar knows it from
    // a sync); the profile's own place is the profile itself.
    const auto choose = [this](QComboBox *combo, const QString &profile, const QString &scope) {
        const int at = entryFor(combo, profile, scope);
        if (at >= 0)
            combo->setCurrentIndex(at);
    };
    choose(m_a, a, scopeA);
    if (!b.isEmpty())
        choose(m_b, b, scopeB);
    refreshVersions(0);
    refreshVersions(1);
    // The newest sync, right after Live, when there is one.
    m_versionA->setCurrentIndex(storedA && m_versionA->count() > 1 ? 1 : 0);
    m_versionB->setCurrentIndex(storedB && m_versionB->count() > 1 ? 1 : 0);
}

void CompareDialog::compareLastTwoSyncs(const QString &profile, const QString &scope)
{
    setSides(profile, profile, true, true, scope, scope);
    // With one sync so far: what changed since, live.
    m_versionA->setCurrentIndex(m_versionA->count() > 2 ? 2 : 0);
}

bool CompareDialog::selectVersion(int side, qint64 run)
{
    QComboBox *version = side == 0 ? m_versionA : m_versionB;
    const int at = version->findData(run);
    if (at >= 0)
        version->setCurrentIndex(at);
    return at >= 0;
}

QComboBox *CompareDialog::versionCombo(int side) const
{
    return side == 0 ? m_versionA : m_versionB;
}

int CompareDialog::entryFor(QComboBox *combo, const QString &profile, const QString &scope)
{
    int at = combo->findData(sideData(profile, scope));
    const int own = combo->findData(sideData(profile));
    if (at >= 0 || own < 0)
        return at >= 0 ? at : own;
    const Result<Profile> found = profileNamed(profile);
    const VendorApi *vendor = found ? vendorById(found.value().vendor) : nullptr;
    if (scope.isEmpty() || !vendor || !vendor->discoversScopes() || scope == vendor->scopeOf(found.value()))
        return own;
    QSignalBlocker block(combo);
    at = own + 1;
    combo->insertItem(at, profileTitle(found.value(), scope), sideData(profile, scope));
    return at;
}

Result<Profile> CompareDialog::profileNamed(const QString &name) const
{
    const QList<Profile> profiles = m_session->profiles();
    const auto found =
        std::find_if(profiles.cbegin(), profiles.cend(), [&](const Profile &p) { return p.name == name; });
    if (found == profiles.cend())
        return Error::usage(tr("Choose a profile"));
    return *found;
}

Result<Profile> CompareDialog::chosenProfile(int side) const
{
    const QStringList chosen = (side == 0 ? m_a : m_b)->currentData().toString().split(QLatin1Char('\n'));
    const Result<Profile> found = profileNamed(chosen.value(0));
    if (!found)
        return found.error();
    Profile profile = found.value();
    // Another place of the same token: its keys in place of the profile's.
    const QString scope = chosen.value(1);
    const VendorApi *vendor = vendorById(profile.vendor);
    if (!scope.isEmpty() && vendor && vendor->discoversScopes()) {
        profile.params.insert(vendor->scopes().groupParam, scope.section(QLatin1Char('/'), 0, 0));
        profile.params.insert(vendor->scopes().scopeParam, scope.section(QLatin1Char('/'), 1));
    }
    return profile;
}

void CompareDialog::refreshVersions(int side)
{
    QComboBox *version = versionCombo(side);
    const QVariant chosen = version->currentData();
    QSignalBlocker block(version);
    version->clear();
    version->addItem(tr("Live from the vendor"), qint64(-1));
    const Result<Profile> profile = chosenProfile(side);
    const VendorApi *vendor = profile ? vendorById(profile.value().vendor) : nullptr;
    if (m_store && vendor) {
        // The source's successful syncs, newest first: each one's snapshot can be compared.
        const Result<QList<SyncRun>> runs = m_store->syncRuns(sourceOf(vendor, profile.value()));
        const QLocale locale;
        for (const SyncRun &run : runs ? runs.value() : QList<SyncRun>()) {
            if (run.outcome != SyncRun::Outcome::Succeeded)
                continue;
            const QString when = localDateTimeText(run.ended);
            version->addItem(version->count() == 1 ? tr("Last sync, %1").arg(when) : tr("Sync of %1").arg(when),
                             run.id);
            version->setItemData(version->count() - 1,
                                 run.baseline ? tr("%1 segments; the first sync").arg(locale.toString(run.rows))
                                              : tr("%1 segments; %2 added, %3 removed, %4 changed")
                                                    .arg(locale.toString(run.rows), locale.toString(run.added),
                                                         locale.toString(run.removed), locale.toString(run.changed)),
                                 Qt::ToolTipRole);
        }
    }
    const int at = version->findData(chosen);
    version->setCurrentIndex(at >= 0 ? at : 0);
}

QString CompareDialog::summary() const
{
    return m_summary->text();
}

QString CompareDialog::status() const
{
    return m_status->text();
}

void CompareDialog::updateButtons()
{
    m_compare->setEnabled(!m_running && m_a->count() > 0);
    m_export->setEnabled(!m_running && !m_summary->text().isEmpty());
}

void CompareDialog::compare()
{
    ++m_generation;
    delete m_fetcher;
    m_model->clear();
    m_summary->clear();
    setTone(m_status, Tone::Normal);
    for (int side = 0; side < 2; ++side) {
        const Result<Profile> profile = chosenProfile(side);
        if (!profile)
            return fail(side, profile.error());
        m_profiles[side] = profile.value();
        m_versions[side] = versionCombo(side)->currentData().toLongLong();
    }
    m_vendor = vendorById(m_profiles[0].vendor);
    const VendorApi *other = vendorById(m_profiles[1].vendor);
    if (!m_vendor || m_vendor != other) {
        m_status->setText(tr("%1 is %2 and %3 is %4: only profiles of one vendor compare.")
                              .arg(m_profiles[0].name, m_vendor ? m_vendor->displayName() : m_profiles[0].vendor,
                                   m_profiles[1].name, other ? other->displayName() : m_profiles[1].vendor));
        setTone(m_status, Tone::Error);
        emit failed(Error::usage(m_status->text()));
        return;
    }
    m_comparison = std::make_unique<Comparison>(m_vendor, true);
    m_running = true;
    updateButtons();
    readSide(0);
}

void CompareDialog::readSide(int side)
{
    const Profile profile = m_profiles[side];
    m_status->setText(tr("Reading %1 (%2)…").arg(sideName(side), sideLabel(profile)));
    if (m_versions[side] >= 0 && m_store) {
        // With the content hashes the syncs computed: no record is parsed again.
        const Error read = m_store->forEachSnapshotEntryAt(
            sourceOf(m_vendor, profile), m_versions[side], m_vendor, 5000, [&](const QList<ComparedRecord> &records) {
                return side == 0 ? m_comparison->addA(records) : m_comparison->addB(records);
            });
        if (read.isError())
            return fail(side, read);
        return sideDone(side);
    }
    const quint64 generation = m_generation;
    m_session->withSecret(
        profile.name,
        [this, side, generation](const Profile &, const QString &secret) {
            if (generation == m_generation)
                readLive(side, m_profiles[side], secret); // the place chosen, not only the profile
        },
        [this, side, generation](const QString &why) {
            if (generation == m_generation)
                fail(side, Error::usage(why));
        });
}

void CompareDialog::readLive(int side, const Profile &profile, const QString &secret)
{
    auto *fetcher = new PageFetcher(m_vendor, profile, secret, this);
    m_fetcher = fetcher;
    auto *stream = new PageStream(fetcher, 0, 12, fetcher);
    const quint64 generation = m_generation;
    connect(stream, &PageStream::segmentsReady, this, [this, side, generation, stream](const QList<Segment> &page) {
        if (generation != m_generation)
            return;
        const Error e = side == 0 ? m_comparison->addA(page) : m_comparison->addB(page);
        if (e.isError()) {
            stream->cancel();
            fail(side, e);
        }
    });
    connect(stream, &PageStream::progress, this, [this, side, generation](qint64 rows, qint64 total) {
        if (generation != m_generation)
            return;
        const QLocale locale;
        m_status->setText(
            total >= 0 ? tr("Reading %1 (%2): %3 of %4…")
                             .arg(sideName(side), m_profiles[side].name, locale.toString(rows), locale.toString(total))
                       : tr("Reading %1 (%2): %3…").arg(sideName(side), m_profiles[side].name, locale.toString(rows)));
    });
    connect(stream, &PageStream::finished, this, [this, side, generation, fetcher] {
        if (generation != m_generation)
            return;
        fetcher->deleteLater();
        sideDone(side);
    });
    connect(stream, &PageStream::failed, this, [this, side, generation, fetcher](const Error &error) {
        if (generation != m_generation)
            return;
        fetcher->deleteLater();
        fail(side, error);
    });
    stream->start();
}

void CompareDialog::sideDone(int side)
{
    if (side == 0)
        return readSide(1);
    const Result<QList<SegmentDifference>> found = m_comparison->finish();
    if (!found)
        return fail(side, found.error());
    m_counts = m_comparison->counts();
    m_comparison.reset();
    m_running = false;
    m_model->setVendor(m_vendor);
    m_model->setDifferences(found.value());
    const QLocale locale;
    m_summary->setText(m_counts.hasDifferences()
                           ? tr("%1 only in A · %2 only in B · %3 different · %4 identical")
                                 .arg(locale.toString(m_counts.onlyA), locale.toString(m_counts.onlyB),
                                      locale.toString(m_counts.different), locale.toString(m_counts.identical))
                           : tr("No differences: %1 identical segments").arg(locale.toString(m_counts.identical)));
    m_status->setText(tr("A: %1, %2 · B: %3, %4")
                          .arg(sideLabel(m_profiles[0]), versionCombo(0)->currentText(), sideLabel(m_profiles[1]),
                               versionCombo(1)->currentText()));
    updateButtons();
    if (m_model->rowCount() > 0) {
        // Sized to what shows (Qt measures the first rows, not all of them).
        m_table->resizeColumnToContents(ComparisonModel::StatusColumn);
        m_table->resizeColumnToContents(ComparisonModel::KeyColumn);
        m_table->setCurrentIndex(m_model->index(0, 0));
    }
    emit finished();
}

void CompareDialog::fail(int side, const Error &error)
{
    // Nothing of a half-read comparison stays on show.
    ++m_generation;
    m_running = false;
    m_comparison.reset();
    m_model->clear();
    m_summary->clear();
    m_status->setText(
        tr("Could not read %1 (%2): %3").arg(sideName(side), sideLabel(m_profiles[side]), error.toString()));
    setTone(m_status, Tone::Error);
    updateButtons();
    emit failed(error);
}

void CompareDialog::showCurrent()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_vendor) {
        m_details->clear();
        return;
    }
    const SegmentDifference &d = m_model->difference(current.row());
    const Profile &profile = d.status == SegmentDifference::Status::OnlyA ? m_profiles[0] : m_profiles[1];
    // A's record before, B's after: the diff marks what B has that A has not.
    m_details->setChange(m_vendor, profile, d.recordA, d.recordB, ComparisonModel::statusText(d.status), d.fields);
}

Error CompareDialog::exportTo(const QString &path) const
{
    Result<std::unique_ptr<QFileDevice>> file = openOutput(path);
    if (!file)
        return file.error();
    CsvWriter writer(file.value().get());
    bool ok = writer.writeRow({QStringLiteral("status"), QStringLiteral("key"), QStringLiteral("name_a"),
                               QStringLiteral("name_b"), QStringLiteral("fields")});
    for (const SegmentDifference &d : m_model->all()) {
        if (d.status != SegmentDifference::Status::Identical)
            ok = ok
                && writer.writeRow({SegmentDifference::statusName(d.status), d.key, d.nameA, d.nameB,
                                    d.fields.join(QLatin1Char(';'))});
    }
    if (!ok)
        return Error::storage(tr("Cannot write %1: %2").arg(path, writer.errorString()));
    return finishOutput(file.value().get(), path);
}

void CompareDialog::exportAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Comparison"), QStringLiteral("comparison.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const Error e = exportTo(path);
    m_status->setText(e.isError() ? e.message : tr("Wrote the differences to %1").arg(path));
    setTone(m_status, e.isError() ? Tone::Error : Tone::Normal);
}

void CompareDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_table->viewport()->update();
}

} // namespace sb
