#include "exportdialog.h"

#include "appearance.h"
#include "exportprogressdialog.h"
#include "settings.h"

#include "core/vendorapi.h"
#include "export/exportjob.h"
#include "model/segmenttablemodel.h"
#include "net/pagefetcher.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <memory>

namespace sb {

namespace {

// What startExport copies from the model, so the flow never reads the model again.
struct ExportSource
{
    const VendorApi *vendor = nullptr;
    Profile profile;
    QString secret; // memory only: handed to the export's own PageFetcher
    Query query;
    // Set while the table shows a stored snapshot: "All" is the snapshot, read from the store
    // (no key needed), not the vendor's listing of now.
    SegmentTableModel::SnapshotReader snapshot;
    qint64 total = -1;
    QList<Column> columns; // the model's columns; `loaded` and `selected` hold their values
    QList<Segment> loaded;
    QList<Segment> selected; // in table order
    int usageColumn = -1; // the model's usage column ("flags"), -1 when none
    std::optional<SegmentUsage> usage; // who uses each segment, when the model has read it
    Error usageError;
};

enum class Scope { All, Loaded, Selected };

struct ExportChoice
{
    Scope scope = Scope::All;
    QList<int> columns; // model columns, in output order
    CsvOptions csv;
    QString path;
};

QString lastDir()
{
    const QString saved = UiSettings::exportDirectory();
    if (!saved.isEmpty() && QFileInfo(saved).isDir())
        return saved;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

// `<profile>-segments-<yyyyMMdd>.csv`, with the characters file systems refuse replaced.
QString defaultFileName(const QString &profileName)
{
    QString base = profileName.trimmed();
    for (QChar &c : base) {
        if (c.isSpace() || !c.isPrint() || QStringView(u"/\\:*?\"<>|").contains(c))
            c = QLatin1Char('-');
    }
    if (base.isEmpty() || base.startsWith(QLatin1Char('.')))
        base.prepend(QLatin1String("export"));
    return base + QLatin1String("-segments-") + QDate::currentDate().toString(QStringLiteral("yyyyMMdd"))
        + QLatin1String(".csv");
}

} // namespace

class ExportOptionsDialog final : public QDialog
{
    Q_OBJECT

public:
    ExportOptionsDialog(std::shared_ptr<const ExportSource> source, const QList<int> &visibleColumns,
                        const QString &warning, QWidget *parent);

signals:
    void chosen(const ExportChoice &choice);

private:
    QRadioButton *addScope(QVBoxLayout *layout, Scope scope, const QString &objectName, const QString &text);
    void addColumn(int modelColumn, bool checked);
    void moveCurrentColumn(int delta);
    void browse();
    void updateState();
    QString targetPath() const;
    void tryExport();
    ExportChoice choice() const;

    std::shared_ptr<const ExportSource> m_source;
    QButtonGroup *m_scope;
    QListWidget *m_columns;
    QPushButton *m_up;
    QPushButton *m_down;
    QCheckBox *m_formulaGuard;
    QCheckBox *m_bom;
    QLineEdit *m_file;
    QLabel *m_problem;
    QPushButton *m_export;
    QString m_dir; // where a bare file name goes: the last used folder
    QString m_confirmedPath; // chosen in the save dialog, which asked about replacing it already
};

ExportOptionsDialog::ExportOptionsDialog(std::shared_ptr<const ExportSource> source, const QList<int> &visibleColumns,
                                         const QString &warning, QWidget *parent)
    : QDialog(parent), m_source(std::move(source)), m_dir(lastDir())
{
    const ExportSource &s = *m_source;
    setObjectName(QStringLiteral("exportOptionsDialog"));
    setWindowTitle(tr("Export Segments"));
    auto *layout = new QVBoxLayout(this);

    if (!warning.isEmpty()) {
        auto *note = new QLabel(warning, this);
        note->setObjectName(QStringLiteral("exportWarning"));
        note->setWordWrap(true);
        note->setFrameShape(QFrame::StyledPanel);
        note->setMargin(6);
        setTone(note, Tone::Warning);
        layout->addWidget(note);
    }

    auto *scopeBox = new QGroupBox(tr("Segments"), this);
    auto *scopeLayout = new QVBoxLayout(scopeBox);
    m_scope = new QButtonGroup(this);
    const QLocale locale;
    QString all = s.total >= 0 ? tr("All segments of the current query (%1)").arg(locale.toString(s.total))
                               : tr("All segments of the current query");
    if (s.snapshot)
        all = tr("All segments of the snapshot (%1)").arg(locale.toString(s.total));
    addScope(scopeLayout, Scope::All, QStringLiteral("scopeAll"), all)->setChecked(true);
    const auto count = [&locale](qsizetype n, const QString &one, const QString &many) {
        return n == 1 ? one : many.arg(locale.toString(n));
    };
    addScope(scopeLayout, Scope::Loaded, QStringLiteral("scopeLoaded"),
             s.loaded.isEmpty() ? tr("The loaded segments (none loaded yet)")
                                : count(s.loaded.size(), tr("The loaded segment"), tr("The %1 loaded segments")))
        ->setEnabled(!s.loaded.isEmpty());
    addScope(scopeLayout, Scope::Selected, QStringLiteral("scopeSelected"),
             s.selected.isEmpty()
                 ? tr("The selected segments (none selected)")
                 : count(s.selected.size(), tr("The selected segment"), tr("The %1 selected segments")))
        ->setEnabled(!s.selected.isEmpty());
    layout->addWidget(scopeBox);

    auto *columnsBox = new QGroupBox(tr("Columns"), this);
    auto *columnsLayout = new QHBoxLayout(columnsBox);
    m_columns = new QListWidget(columnsBox);
    m_columns->setObjectName(QStringLiteral("columnList"));
    m_columns->setAccessibleName(tr("Columns to export, in order"));
    m_columns->setToolTip(tr("Check the columns to export; drag them, or use Up and Down, to set their order."));
    m_columns->setDragDropMode(QAbstractItemView::InternalMove);
    m_columns->setDefaultDropAction(Qt::MoveAction);
    for (const int c : visibleColumns) {
        if (c >= 0 && c < s.columns.size())
            addColumn(c, true);
    }
    // The other columns can be added back here without changing the table.
    for (int c = 0; c < s.columns.size(); ++c) {
        if (!visibleColumns.contains(c))
            addColumn(c, false);
    }
    m_columns->setCurrentRow(0);
    columnsLayout->addWidget(m_columns, 1);
    auto *moveLayout = new QVBoxLayout;
    m_up = new QPushButton(tr("Up"), columnsBox);
    m_up->setObjectName(QStringLiteral("columnUp"));
    m_up->setAccessibleName(tr("Move column up"));
    m_down = new QPushButton(tr("Down"), columnsBox);
    m_down->setObjectName(QStringLiteral("columnDown"));
    m_down->setAccessibleName(tr("Move column down"));
    moveLayout->addWidget(m_up);
    moveLayout->addWidget(m_down);
    moveLayout->addStretch();
    columnsLayout->addLayout(moveLayout);
    layout->addWidget(columnsBox, 1);

    m_formulaGuard = new QCheckBox(tr("Protect against spreadsheet formulas"), this);
    m_formulaGuard->setObjectName(QStringLiteral("formulaGuardCheck"));
    m_formulaGuard->setToolTip(tr("Cells that begin with =, +, -, @ or a tab get a leading ' so that a spreadsheet "
                                  "shows them as text instead of running them."));
    m_formulaGuard->setChecked(CsvOptions().formulaGuard);
    m_bom = new QCheckBox(tr("Byte order mark (for Excel)"), this);
    m_bom->setObjectName(QStringLiteral("bomCheck"));
    m_bom->setToolTip(tr("Lets Excel recognise the file as UTF-8."));
    m_bom->setChecked(CsvOptions().bom);
    layout->addWidget(m_formulaGuard);
    layout->addWidget(m_bom);

    auto *fileLayout = new QHBoxLayout;
    auto *fileLabel = new QLabel(tr("&File:"), this);
    m_file = new QLineEdit(QDir(m_dir).filePath(defaultFileName(s.profile.name)), this);
    m_file->setObjectName(QStringLiteral("fileEdit"));
    m_file->setAccessibleName(tr("File to write"));
    m_file->setMinimumWidth(360);
    fileLabel->setBuddy(m_file);
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    browse->setAccessibleName(tr("Choose the file"));
    fileLayout->addWidget(fileLabel);
    fileLayout->addWidget(m_file, 1);
    fileLayout->addWidget(browse);
    layout->addLayout(fileLayout);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("optionsProblem"));
    m_problem->setWordWrap(true);
    setTone(m_problem, Tone::Error);
    m_problem->hide();
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("optionsCancelButton"));
    layout->addWidget(buttons);

    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrentColumn(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrentColumn(1); });
    connect(m_columns, &QListWidget::itemChanged, this, &ExportOptionsDialog::updateState);
    connect(m_columns, &QListWidget::currentRowChanged, this, &ExportOptionsDialog::updateState);
    connect(m_file, &QLineEdit::textChanged, this, &ExportOptionsDialog::updateState);
    connect(browse, &QPushButton::clicked, this, &ExportOptionsDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportOptionsDialog::tryExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportOptionsDialog::reject);
    updateState();
}

QRadioButton *ExportOptionsDialog::addScope(QVBoxLayout *layout, Scope scope, const QString &objectName,
                                            const QString &text)
{
    auto *button = new QRadioButton(text, layout->parentWidget());
    button->setObjectName(objectName);
    m_scope->addButton(button, int(scope));
    layout->addWidget(button);
    return button;
}

void ExportOptionsDialog::addColumn(int modelColumn, bool checked)
{
    // The column in words, and the name the CSV header gives it (the field name, an interface).
    const QString field = m_source->columns.at(modelColumn).field;
    const QString label =
        modelColumn == m_source->usageColumn ? m_source->vendor->usage().title : m_source->vendor->fieldLabel(field);
    auto *item = new QListWidgetItem(
        label.compare(field, Qt::CaseInsensitive) == 0 ? label : tr("%1 (%2)").arg(label, field), m_columns);
    item->setToolTip(tr("Written as the CSV column “%1”").arg(field));
    item->setData(Qt::UserRole + 1, field);
    item->setData(Qt::UserRole, modelColumn);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void ExportOptionsDialog::moveCurrentColumn(int delta)
{
    const int row = m_columns->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_columns->count())
        return;
    QListWidgetItem *item = m_columns->takeItem(row);
    m_columns->insertItem(to, item);
    m_columns->setCurrentRow(to);
}

void ExportOptionsDialog::browse()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Segments"), targetPath(), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    m_confirmedPath = QFileInfo(path).absoluteFilePath();
    m_file->setText(path);
}

void ExportOptionsDialog::updateState()
{
    const int row = m_columns->currentRow();
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_columns->count());
    QString problem;
    if (choice().columns.isEmpty())
        problem = tr("Check at least one column.");
    else if (m_file->text().trimmed().isEmpty())
        problem = tr("Choose a file to write.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_export->setEnabled(problem.isEmpty());
}

// A bare or relative name goes into the last used folder, not the program's working directory.
QString ExportOptionsDialog::targetPath() const
{
    const QString text = QDir::fromNativeSeparators(m_file->text().trimmed());
    return text.isEmpty() ? QString() : QFileInfo(QDir(m_dir), text).absoluteFilePath();
}

void ExportOptionsDialog::tryExport()
{
    updateState();
    if (!m_export->isEnabled())
        return;
    const QString path = targetPath();
    const QFileInfo info(path);
    QString problem;
    if (info.isDir())
        problem = tr("%1 is a folder. Enter a file name.").arg(QDir::toNativeSeparators(path));
    else if (!info.dir().exists())
        problem = tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath()));
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    const auto proceed = [this, path] {
        UiSettings::setExportDirectory(QFileInfo(path).absolutePath());
        ExportChoice c = choice();
        c.path = path;
        emit chosen(c);
        accept();
    };
    if (!info.exists() || path == m_confirmedPath) {
        proceed();
        return;
    }
    // Replacing happens only when the export completes; until then the old file stays as it is.
    auto *ask = new QMessageBox(
        QMessageBox::Question, tr("Replace File?"),
        tr("%1 exists already. Replace it when the export is complete?").arg(QDir::toNativeSeparators(path)),
        QMessageBox::Yes | QMessageBox::No, this);
    ask->setObjectName(QStringLiteral("replaceQuestion"));
    ask->setDefaultButton(QMessageBox::No);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this, path, proceed](int result) {
        if (result != QMessageBox::Yes)
            return;
        m_confirmedPath = path;
        proceed();
    });
    ask->open();
}

ExportChoice ExportOptionsDialog::choice() const
{
    ExportChoice c;
    c.scope = Scope(m_scope->checkedId());
    for (int row = 0; row < m_columns->count(); ++row) {
        const QListWidgetItem *item = m_columns->item(row);
        if (item->checkState() == Qt::Checked)
            c.columns.append(item->data(Qt::UserRole).toInt());
    }
    c.csv.bom = m_bom->isChecked();
    c.csv.formulaGuard = m_formulaGuard->isChecked();
    return c;
}

void startExport(QWidget *parent, SegmentTableModel *model, const QList<int> &selectedRows,
                 const QList<int> &visibleColumnsInOrder, const QString &warning)
{
    if (!model || !model->vendor()) {
        QMessageBox::information(parent, QCoreApplication::translate("sb::ExportOptionsDialog", "Export Segments"),
                                 QCoreApplication::translate("sb::ExportOptionsDialog", "Choose a profile first."));
        return;
    }
    // One export dialog per window: a second Ctrl+E brings the open one forward.
    for (ExportOptionsDialog *open : parent->findChildren<ExportOptionsDialog *>()) {
        if (open->isVisible()) {
            open->raise();
            open->activateWindow();
            return;
        }
    }
    // Shared by the options dialog (which reads it) and the lambda that runs the export.
    auto source = std::make_shared<ExportSource>();
    source->vendor = model->vendor();
    source->profile = model->profile();
    source->secret = model->secret();
    source->query = model->query();
    source->snapshot = model->snapshotReader();
    source->total = model->total();
    source->columns = model->columns();
    source->usageColumn = model->usageColumn();
    if (model->usageState() == SegmentTableModel::UsageState::Known)
        source->usage = model->usage();
    else if (model->usageState() == SegmentTableModel::UsageState::Failed)
        source->usageError = model->usageError();
    const int loaded = int(model->loadedCount());
    source->loaded.reserve(loaded);
    for (int row = 0; row < loaded; ++row)
        source->loaded.append(model->segment(row));
    QList<int> rows = selectedRows;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (const int row : rows) {
        if (row >= 0 && row < loaded)
            source->selected.append(model->segment(row));
    }

    auto *options = new ExportOptionsDialog(source, visibleColumnsInOrder, warning, parent);
    options->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(options, &ExportOptionsDialog::chosen, options, [parent, source](const ExportChoice &choice) {
        ExportOptions exportOptions;
        exportOptions.csv = choice.csv;
        // The usage column is never written empty in silence: it waits for the walk, or says why not.
        if (source->usageColumn >= 0 && choice.columns.contains(source->usageColumn) && !source->usage) {
            const QString title = source->vendor->usage().title;
            auto *box = new QMessageBox(
                QMessageBox::Warning, QCoreApplication::translate("sb::ExportOptionsDialog", "Export Segments"),
                source->usageError.isError()
                    ? QCoreApplication::translate("sb::ExportOptionsDialog",
                                                  "The %1 column cannot be written: %2\n\nUntick it, or reload.")
                          .arg(title, source->usageError.toString())
                    : QCoreApplication::translate("sb::ExportOptionsDialog",
                                                  "The %1 are still being read. Export again in a moment, or untick "
                                                  "the %1 column.")
                          .arg(title),
                QMessageBox::Ok, parent);
            box->setObjectName(QStringLiteral("usageNotReady"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        ExportJob *job = nullptr;
        QList<Segment> snapshotRows;
        if (choice.scope == Scope::All && source->snapshot) {
            // The whole snapshot, typed as the table's columns (fields added to it included).
            const Result<QList<Segment>> rows = source->snapshot(0, std::numeric_limits<int>::max());
            if (!rows) {
                QMessageBox::warning(parent, QCoreApplication::translate("sb::ExportOptionsDialog", "Export Segments"),
                                     rows.error().toString());
                return;
            }
            snapshotRows.reserve(rows.value().size());
            for (const Segment &s : rows.value())
                snapshotRows.append(Segment::fromRecord(s.object(), source->columns, s.json));
        }
        if (choice.scope == Scope::All && !source->snapshot) {
            // Its own fetcher, so the table's loading and the export never cancel each other.
            // Its segments hold the vendor's columns; the model's others are read from the records.
            QList<Column> columns = source->vendor->columns();
            for (const int c : choice.columns) {
                const Column &column = source->columns.at(c);
                qsizetype i = columns.indexOf(column);
                if (i < 0) {
                    i = columns.size();
                    columns.append(column);
                }
                exportOptions.columns.append(int(i));
                if (c == source->usageColumn)
                    exportOptions.derived.insert(int(i), usageCell(source->vendor, *source->usage));
            }
            auto *fetcher = new PageFetcher(source->vendor, source->profile, source->secret);
            fetcher->setQuery(source->query);
            job = new ExportJob(fetcher, columns, choice.path, exportOptions);
            fetcher->setParent(job);
        } else {
            exportOptions.columns = choice.columns;
            if (source->usage)
                exportOptions.derived.insert(source->usageColumn, usageCell(source->vendor, *source->usage));
            const QList<Segment> &rows = choice.scope == Scope::All ? snapshotRows
                : choice.scope == Scope::Loaded                     ? source->loaded
                                                                    : source->selected;
            job = new ExportJob(rows, source->columns, choice.path, exportOptions);
        }
        auto *progress = new ExportProgressDialog(job, source->vendor->displayName(), parent);
        progress->setAttribute(Qt::WA_DeleteOnClose);
        progress->show();
        job->start();
    });
    options->show();
}

} // namespace sb

#include "exportdialog.moc"
