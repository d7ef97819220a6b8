#include "detailpane.h"

#include "appearance.h"
#include "recorddiff.h"

#include <QTextBlock>
#include <QTextDocument>

#include "core/vendorapi.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace sb {

namespace {

// Enough for any record a vendor sends; a search for "e" in a huge one stays quick.
constexpr qsizetype maxMatches = 10000;
// The tree grows with its content up to this many rows, then scrolls on its own.
constexpr int maxTreeRows = 16;

// QTreeView measures a row without its column's width (QTreeView::indexRowSizeHint), so wrapped
// text would be drawn in one line's height and cut. This measures it at the width it is drawn in.
class WrappingDelegate final : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view) : QStyledItemDelegate(view), m_view(view) { }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem item(option);
        initStyleOption(&item, index);
        int depth = m_view->rootIsDecorated() ? 1 : 0;
        for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
            ++depth;
        const int width = m_view->viewport()->width() - depth * m_view->indentation();
        item.features |= QStyleOptionViewItem::WrapText;
        item.rect = QRect(0, 0, qMax(40, width), 1);
        const QWidget *widget = item.widget ? item.widget : m_view;
        return widget->style()->sizeFromContents(QStyle::CT_ItemViewItem, &item, QSize(), widget);
    }

private:
    QTreeView *m_view;
};

QLabel *selectableLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

void addNodes(QTreeWidgetItem *parent, const QList<DetailNode> &nodes)
{
    for (const DetailNode &node : nodes) {
        auto *item = new QTreeWidgetItem(parent, {node.text});
        // The pane may be narrow; the whole line is always one hover away.
        item->setToolTip(0, node.text);
        addNodes(item, node.children);
    }
}

// A colour between two of the palette's, so that highlights follow a dark palette too.
QColor blend(const QColor &a, const QColor &b, qreal amountOfB)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amountOfB) + b.redF() * amountOfB),
                            float(a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB),
                            float(a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB));
}

} // namespace

DetailPane::DetailPane(QWidget *parent)
    : QWidget(parent),
      m_stack(new QStackedWidget(this)),
      m_placeholder(new QLabel(tr("Select a segment to see its details."), this)),
      m_scroll(new QScrollArea(this)),
      m_title(selectableLabel(QString(), this)),
      m_facts(new QWidget(this)),
      m_factsLayout(new QFormLayout(m_facts)),
      m_sections(new QTreeWidget(this)),
      m_find(new QLineEdit(this)),
      m_findStatus(new QLabel(this)),
      m_findPrevious(new QToolButton(this)),
      m_findNext(new QToolButton(this)),
      m_jsonView(new QPlainTextEdit(this)),
      m_copyJson(new QPushButton(tr("&Copy JSON"), this)),
      m_openWeb(new QLabel(this)),
      m_usersTitle(new QLabel(this)),
      m_users(new QLabel(this))
{
    setObjectName(QStringLiteral("detailPane"));
    setAccessibleName(tr("Segment details"));

    m_placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setMargin(12);

    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setAccessibleName(tr("Segment name"));

    m_openWeb->setObjectName(QStringLiteral("detailOpenWeb"));
    // A link rather than a button: "Open in SailPoint Identity Security Cloud web app" wraps
    // in a narrow pane where a button would push it sideways. Opened by openWebUrl(), so the
    // URL itself never has to be written into rich text.
    m_openWeb->setTextFormat(Qt::RichText);
    m_openWeb->setWordWrap(true);
    m_openWeb->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_openWeb, &QLabel::linkActivated, this, &DetailPane::openWebUrl);

    m_facts->setObjectName(QStringLiteral("detailFacts"));
    m_factsLayout->setObjectName(QStringLiteral("detailFactsLayout"));
    m_facts->setAccessibleName(tr("Key facts"));
    m_factsLayout->setContentsMargins(0, 0, 0, 0);
    // Narrow beside the table: a long value goes below its label rather than off the edge.
    m_factsLayout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_factsLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_factsLayout->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_sections->setObjectName(QStringLiteral("detailSections"));
    m_sections->setAccessibleName(tr("Rules, owner and other parts of the segment"));
    m_sections->setHeaderHidden(true);
    m_sections->setColumnCount(1);
    // Long clauses wrap at the pane's width, as the facts above do; the tree grows to fit them.
    m_sections->setWordWrap(true);
    m_sections->setItemDelegate(new WrappingDelegate(m_sections));
    m_sections->setUniformRowHeights(false);
    m_sections->setTextElideMode(Qt::ElideNone);
    m_sections->header()->setSectionResizeMode(QHeaderView::Stretch);
    m_sections->header()->setStretchLastSection(true);
    m_sections->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sections->viewport()->installEventFilter(this);
    m_scroll->viewport()->installEventFilter(this);
    m_sections->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *copyItem = new QAction(tr("Copy"), m_sections);
    copyItem->setShortcut(QKeySequence::Copy);
    copyItem->setShortcutContext(Qt::WidgetShortcut);
    connect(copyItem, &QAction::triggered, this, [this] {
        if (const QTreeWidgetItem *item = m_sections->currentItem())
            QGuiApplication::clipboard()->setText(item->text(0));
    });
    m_sections->addAction(copyItem);
    m_sections->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_find->setObjectName(QStringLiteral("detailFind"));
    m_find->setPlaceholderText(tr("Find in JSON"));
    m_find->setAccessibleName(tr("Find in JSON"));
    m_find->setToolTip(tr("Enter: next match; Shift+Enter: previous match"));
    m_find->setClearButtonEnabled(true);
    m_find->installEventFilter(this);
    connect(m_find, &QLineEdit::textChanged, this, &DetailPane::updateMatches);
    m_findStatus->setObjectName(QStringLiteral("detailFindStatus"));
    m_findStatus->setAccessibleName(tr("Matches"));
    m_findPrevious->setObjectName(QStringLiteral("detailFindPrevious"));
    m_findPrevious->setArrowType(Qt::UpArrow);
    m_findPrevious->setToolTip(tr("Previous match (Shift+Enter)"));
    m_findPrevious->setAccessibleName(tr("Previous match"));
    connect(m_findPrevious, &QToolButton::clicked, this, &DetailPane::findPrevious);
    m_findNext->setObjectName(QStringLiteral("detailFindNext"));
    m_findNext->setArrowType(Qt::DownArrow);
    m_findNext->setToolTip(tr("Next match (Enter)"));
    m_findNext->setAccessibleName(tr("Next match"));
    connect(m_findNext, &QToolButton::clicked, this, &DetailPane::findNext);

    m_jsonView->setObjectName(QStringLiteral("detailJson"));
    m_jsonView->setAccessibleName(tr("Segment record as JSON"));
    m_jsonView->setReadOnly(true);
    m_jsonView->installEventFilter(this);
    m_jsonView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_jsonView->setMinimumHeight(m_jsonView->fontMetrics().lineSpacing() * 12);
    m_jsonView->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);

    m_copyJson->setObjectName(QStringLiteral("detailCopyJson"));
    m_copyJson->setAccessibleName(tr("Copy the record as JSON"));
    m_copyJson->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    connect(m_copyJson, &QPushButton::clicked, this, &DetailPane::copyJson);

    m_usersTitle->setObjectName(QStringLiteral("detailUsersTitle"));
    QFont usersFont = m_usersTitle->font();
    usersFont.setBold(true);
    m_usersTitle->setFont(usersFont);
    m_usersTitle->hide();
    m_users->setObjectName(QStringLiteral("detailUsers"));
    m_users->setTextFormat(Qt::RichText);
    m_users->setWordWrap(true);
    m_users->setOpenExternalLinks(true);
    m_users->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard
                                     | Qt::TextSelectableByMouse);
    m_users->hide();

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_title);
    layout->addWidget(m_openWeb);
    layout->addWidget(m_facts);
    layout->addWidget(m_usersTitle);
    layout->addWidget(m_users);
    layout->addWidget(m_sections);
    auto *jsonLabel = new QLabel(tr("Record"), content);
    QFont bold = jsonLabel->font();
    bold.setBold(true);
    jsonLabel->setFont(bold);
    auto *jsonRow = new QHBoxLayout;
    jsonRow->addWidget(jsonLabel, 1);
    jsonRow->addWidget(m_copyJson);
    layout->addLayout(jsonRow);
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_findStatus);
    findRow->addWidget(m_findPrevious);
    findRow->addWidget(m_findNext);
    layout->addLayout(findRow);
    layout->addWidget(m_jsonView, 1);

    m_scroll->setObjectName(QStringLiteral("detailScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(content);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_scroll);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    updateTitleFont();
    clear();
}

void DetailPane::setSegment(const VendorApi *vendor, const Profile &profile, const QByteArray &recordJson)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(recordJson, &error);
    SegmentDetails details;
    m_webUrl.clear();
    m_diffLines.clear();
    if (!doc.isObject()) {
        // Nothing is hidden: the bytes as they came, and why they could not be read.
        details.title = tr("Unreadable record");
        details.facts.append({tr("Problem"),
                              error.error != QJsonParseError::NoError
                                  ? tr("The record is not valid JSON: %1").arg(error.errorString())
                                  : tr("The record is not a JSON object")});
        m_json = QString::fromUtf8(recordJson);
    } else {
        const QJsonObject record = doc.object();
        if (vendor) {
            details = vendor->details(profile, record);
            m_webUrl = vendor->webUrl(profile, record);
            const QString open = tr("Open in %1 web app").arg(vendor->displayName());
            m_openWeb->setText(QStringLiteral("<a href=\"#\">%1</a>").arg(open.toHtmlEscaped()));
            m_openWeb->setAccessibleName(open);
        } else {
            details.title = tr("Segment");
        }
        m_json = QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    }

    m_title->setText(details.title);
    while (m_factsLayout->rowCount() > 0)
        m_factsLayout->removeRow(0);
    for (const DetailFact &fact : std::as_const(details.facts)) {
        QLabel *label = selectableLabel(tr("%1:").arg(fact.label), m_facts);
        label->setTextInteractionFlags(Qt::NoTextInteraction);
        QLabel *value = selectableLabel(fact.value, m_facts);
        value->setAccessibleName(fact.label);
        label->setBuddy(value);
        m_factsLayout->addRow(label, value);
    }
    m_facts->setVisible(!details.facts.isEmpty());

    m_sections->clear();
    for (const DetailSection &section : std::as_const(details.sections)) {
        auto *item = new QTreeWidgetItem(m_sections, {section.title});
        QFont font = item->font(0);
        font.setBold(true);
        item->setFont(0, font);
        addNodes(item, section.nodes);
    }
    m_sections->expandAll();
    m_sections->setVisible(!details.sections.isEmpty());
    fitTreeHeight();

    m_openWeb->setVisible(m_webUrl.isValid() && !m_webUrl.isEmpty());
    m_openWeb->setToolTip(m_webUrl.toString());
    // Another segment starts with an empty search: a "No matches" left from the last one would
    // read as a fact about this one. The same segment shown again (a reload) keeps it.
    if (recordJson != m_lastRecord) {
        const QSignalBlocker block(m_find);
        m_find->clear();
    }
    m_lastRecord = recordJson; // kept by clear(): a reload shows the same record again
    m_jsonView->setPlainText(m_json);
    m_copyJson->setEnabled(true);
    updateMatches();
    // A new segment is read from its name down, wherever the last one was scrolled to.
    m_scroll->verticalScrollBar()->setValue(0);
    m_stack->setCurrentIndex(1);
}

void DetailPane::setChange(const VendorApi *vendor, const Profile &profile, const QByteArray &before,
                           const QByteArray &after, const QString &change, const QStringList &fields)
{
    setSegment(vendor, profile, after.isEmpty() ? before : after);
    const auto lines = [](const QByteArray &json) {
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        if (json.isEmpty())
            return QStringList();
        const QString text =
            doc.isNull() ? QString::fromUtf8(json) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
        return text.trimmed().split(QLatin1Char('\n'));
    };
    QStringList text;
    for (const DiffLine &line : lineDiff(lines(before), lines(after))) {
        if (line.kind != DiffLine::Kind::Same)
            m_diffLines.append({int(text.size()), line.kind == DiffLine::Kind::Added});
        const QChar mark = line.kind == DiffLine::Kind::Added ? QLatin1Char('+')
            : line.kind == DiffLine::Kind::Removed            ? QChar(0x2212)
                                                              : QLatin1Char(' ');
        text.append(mark + QLatin1Char(' ') + line.text);
    }
    m_json = text.join(QLatin1Char('\n'));
    QLabel *label = selectableLabel(tr("Change:"), m_facts);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    QLabel *value = selectableLabel(
        fields.isEmpty() ? change : tr("%1: %2").arg(change, fields.join(QStringLiteral(", "))), m_facts);
    value->setAccessibleName(tr("Change"));
    label->setBuddy(value);
    m_factsLayout->insertRow(0, label, value);
    m_facts->show();
    m_jsonView->setPlainText(m_json);
    updateMatches();
    // The first changed line in view, a few lines of context above it.
    if (!m_diffLines.isEmpty()) {
        QTextCursor first(m_jsonView->document()->findBlockByNumber(qMax(0, m_diffLines.constFirst().first - 3)));
        m_jsonView->setTextCursor(first);
        m_jsonView->verticalScrollBar()->setValue(m_jsonView->verticalScrollBar()->maximum());
        m_jsonView->ensureCursorVisible();
    }
}

void DetailPane::clear()
{
    m_json.clear();
    m_diffLines.clear();
    m_webUrl.clear();
    m_title->clear();
    while (m_factsLayout->rowCount() > 0)
        m_factsLayout->removeRow(0);
    m_sections->clear();
    m_jsonView->clear();
    m_copyJson->setEnabled(false);
    m_openWeb->hide();
    setUsers({}, {});
    updateMatches();
    m_stack->setCurrentIndex(0);
}

void DetailPane::findNext()
{
    if (!m_matches.isEmpty())
        moveToMatch((m_current + 1) % m_matches.size());
}

void DetailPane::findPrevious()
{
    if (!m_matches.isEmpty())
        moveToMatch((m_current - 1 + m_matches.size()) % m_matches.size());
}

void DetailPane::copyJson()
{
    if (!m_json.isEmpty())
        QGuiApplication::clipboard()->setText(m_json);
}

bool DetailPane::eventFilter(QObject *watched, QEvent *event)
{
    // Highlights are made from the JSON view's palette; a switch to dark mode remakes them
    // (the view's own change comes after the pane's, so it is the one to watch).
    if (watched == m_jsonView && event->type() == QEvent::PaletteChange)
        updateHighlights();
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize) {
        // Narrow beside the table, each label goes above its value, which then has the whole width.
        const int width = static_cast<QResizeEvent *>(event)->size().width();
        const auto policy =
            width < fontMetrics().averageCharWidth() * 45 ? QFormLayout::WrapAllRows : QFormLayout::WrapLongRows;
        if (m_factsLayout->rowWrapPolicy() != policy)
            m_factsLayout->setRowWrapPolicy(policy);
    }
    // Wrapped rows change height with the width: the tree's height follows, once the rows are laid out again.
    if (watched == m_sections->viewport() && event->type() == QEvent::Resize
        && static_cast<QResizeEvent *>(event)->oldSize().width() != static_cast<QResizeEvent *>(event)->size().width())
        QMetaObject::invokeMethod(this, &DetailPane::fitTreeHeight, Qt::QueuedConnection);
    if (watched == m_find && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateTitleFont();
    QWidget::changeEvent(event);
}

void DetailPane::updateTitleFont()
{
    // Larger than the rest and bold, relative to whatever font the user chose.
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_title->setFont(font);
}

void DetailPane::updateMatches()
{
    m_matches.clear();
    m_current = -1;
    const QString needle = m_find->text();
    if (!needle.isEmpty()) {
        QTextDocument *document = m_jsonView->document();
        QTextCursor cursor(document);
        while (m_matches.size() < maxMatches) {
            cursor = document->find(needle, cursor);
            if (cursor.isNull())
                break;
            m_matches.append(cursor);
        }
    }
    const bool any = !m_matches.isEmpty();
    m_findPrevious->setEnabled(any);
    m_findNext->setEnabled(any);
    if (any)
        moveToMatch(0);
    else
        updateHighlights();
}

void DetailPane::moveToMatch(qsizetype index)
{
    m_current = index;
    QTextCursor cursor = m_matches.at(index);
    cursor.clearSelection();
    m_jsonView->setTextCursor(cursor);
    m_jsonView->ensureCursorVisible();
    updateHighlights();
}

void DetailPane::updateHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QPalette palette = m_jsonView->palette();
    QTextCharFormat other;
    other.setBackground(blend(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.35));
    QTextCharFormat current;
    current.setBackground(palette.color(QPalette::Highlight));
    current.setForeground(palette.color(QPalette::HighlightedText));
    // A change's lines first, so that a match on one of them still shows as a match.
    QTextCharFormat removed;
    removed.setBackground(blend(palette.color(QPalette::Base), errorColor(palette), 0.22));
    removed.setProperty(QTextFormat::FullWidthSelection, true);
    QTextCharFormat added = removed;
    added.setBackground(blend(palette.color(QPalette::Base), successColor(palette), 0.22));
    for (const auto &[block, isAdded] : std::as_const(m_diffLines)) {
        QTextCursor line(m_jsonView->document()->findBlockByNumber(block));
        selections.append({line, isAdded ? added : removed});
    }
    for (qsizetype i = 0; i < m_matches.size(); ++i)
        selections.append({m_matches.at(i), i == m_current ? current : other});
    m_jsonView->setExtraSelections(selections);

    if (m_find->text().isEmpty() || m_json.isEmpty())
        m_findStatus->clear();
    else if (m_matches.isEmpty())
        m_findStatus->setText(tr("No matches"));
    else if (m_matches.size() >= maxMatches)
        m_findStatus->setText(tr("%1 of %2+").arg(m_current + 1).arg(maxMatches));
    else
        m_findStatus->setText(tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
}

void DetailPane::fitTreeHeight()
{
    // The tree sits in the pane's own scroll area: as tall as its rows, so that there is one
    // scroll bar to use rather than two, up to a limit past which it scrolls by itself.
    m_sections->doItemsLayout(); // the rows' wrapped heights at the present width
    int height = 0;
    int rows = 0;
    for (QTreeWidgetItemIterator it(m_sections); *it && rows < maxTreeRows; ++it, ++rows)
        height += m_sections->visualItemRect(*it).height();
    height += 2 * m_sections->frameWidth();
    if (height != m_sections->height())
        m_sections->setFixedHeight(height);
}

void DetailPane::setUsers(const QString &title, const QList<SegmentUser> &users, const QString &note)
{
    m_usersTitle->setVisible(!title.isEmpty());
    m_users->setVisible(!title.isEmpty());
    if (title.isEmpty()) {
        m_users->clear();
        return;
    }
    m_usersTitle->setText(note.isEmpty() ? tr("%1 (%2)").arg(title).arg(users.size()) : title);
    m_users->setAccessibleName(title);
    if (!note.isEmpty()) {
        m_users->setText(note.toHtmlEscaped());
        return;
    }
    if (users.isEmpty()) {
        m_users->setText(tr("None: no %1 use this segment.").arg(title.toLower()).toHtmlEscaped());
        return;
    }
    QStringList lines;
    for (const SegmentUser &user : users) {
        const QString name = user.url.isValid() && !user.url.isEmpty()
            ? QStringLiteral("<a href=\"%1\">%2</a>")
                  .arg(QString::fromUtf8(user.url.toEncoded()).toHtmlEscaped(), user.name.toHtmlEscaped())
            : user.name.toHtmlEscaped();
        // The key after the name, in the quieter text colour of the palette on show.
        const QString key = QStringLiteral("<span style=\"color: %1\">%2</span>")
                                .arg(palette().color(QPalette::PlaceholderText).name(), user.key.toHtmlEscaped());
        lines << (user.name == user.key ? name : tr("%1 · %2").arg(name, key));
    }
    m_users->setText(lines.join(QStringLiteral("<br>")));
}

QString DetailPane::usersText() const
{
    if (!m_users->isVisible() && m_users->text().isEmpty())
        return {};
    QTextDocument doc;
    doc.setHtml(m_users->text());
    return m_usersTitle->text() + QLatin1Char('\n') + doc.toPlainText();
}

void DetailPane::openWebUrl()
{
    if (m_webUrl.isValid())
        QDesktopServices::openUrl(m_webUrl);
}

} // namespace sb
