// SegmentBrowser's part in the quick search (Ctrl+F, SegmentSearchProxy) when it finds nothing in
// the loaded rows: a notice in the table that says so and offers to load every page (the search
// then looks at them as they come) or, for a vendor that filters on the server, to search there.

#include "segmentbrowser.h"

#include "detailpane.h"
#include "filterbuilder.h"

#include "core/vendorapi.h"
#include "ldfilter/filter.h"
#include "ldfilter/parser.h"
#include "ldfilter/printer.h"
#include "model/segmentsearchproxy.h"
#include "model/segmenttablemodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace sb {

void SegmentBrowser::createSearchNotice()
{
    // On the table, over its viewport: a child of the viewport would scroll sideways with the cells.
    m_noMatch = new QWidget(m_table);
    m_noMatch->setObjectName(QStringLiteral("noMatchNotice"));
    m_noMatchText = new QLabel(m_noMatch);
    m_noMatchText->setObjectName(QStringLiteral("noMatchText"));
    m_noMatchText->setTextFormat(Qt::PlainText);
    m_noMatchText->setWordWrap(true);
    m_noMatchText->setAlignment(Qt::AlignCenter);
    m_loadAll = new QPushButton(tr("Load All Segments"), m_noMatch);
    m_loadAll->setObjectName(QStringLiteral("loadAllButton"));
    m_loadAll->setToolTip(tr("Load every page of the list; the search looks at each as it comes"));
    m_searchServer = new QPushButton(tr("Search the Server"), m_noMatch);
    m_searchServer->setObjectName(QStringLiteral("searchServerButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_loadAll);
    buttons->addWidget(m_searchServer);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(m_noMatch);
    layout->addStretch(1);
    layout->addWidget(m_noMatchText);
    layout->addLayout(buttons);
    layout->addStretch(2);
    m_noMatch->hide();
    m_table->viewport()->installEventFilter(this);

    connect(m_loadAll, &QPushButton::clicked, this, &SegmentBrowser::loadAll);
    connect(m_searchServer, &QPushButton::clicked, this, &SegmentBrowser::searchOnServer);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_search, signal, this, &SegmentBrowser::updateSearchNotice);
    connect(m_search, &QAbstractItemModel::modelReset, this, &SegmentBrowser::updateSearchNotice);
    // A new search resets the proxy, which drops the current row in silence: the segment on show
    // is chosen again when the search still shows it, and leaves the details when it does not.
    connect(m_search, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_keyBeforeSearch = currentKey(); });
    connect(m_search, &QAbstractItemModel::modelReset, this, [this] {
        const QString key = std::exchange(m_keyBeforeSearch, QString());
        if (key.isEmpty() || m_stack->currentWidget() != m_table)
            return;
        selectKey(key);
        if (currentKey() != key)
            m_details->clear();
    });
    connect(m_search, &QAbstractItemModel::layoutChanged, this, &SegmentBrowser::updateSearchNotice);
    connect(m_search, &SegmentSearchProxy::searchTextChanged, this, [this] {
        if (!m_search->isSearching())
            m_loadingAll = false;
        updateSearchNotice();
    });
}

bool SegmentBrowser::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        m_noMatch->setGeometry(m_table->viewport()->geometry());
    return QWidget::eventFilter(watched, event);
}

QString SegmentBrowser::noMatchText() const
{
    return m_noMatch->isVisibleTo(m_table) ? m_noMatchText->text() : QString();
}

void SegmentBrowser::updateSearchNotice()
{
    const bool none = m_search->isSearching() && m_search->rowCount() == 0 && m_model->rowCount() > 0;
    if (!none) {
        m_noMatch->hide();
        return;
    }
    const QLocale locale;
    const bool complete = m_model->isComplete();
    const QString loaded = locale.toString(m_model->loadedCount());
    if (m_loadingAll && !complete)
        m_noMatchText->setText(tr("No match for “%1” in the %2 segments loaded so far; loading the rest…")
                                   .arg(m_search->searchText(), loaded));
    else if (complete)
        m_noMatchText->setText(tr("No segment matches “%1”.").arg(m_search->searchText()));
    else if (m_model->total() >= 0)
        m_noMatchText->setText(tr("No loaded row matches “%1” (%2 of %3 segments are loaded).")
                                   .arg(m_search->searchText(), loaded, locale.toString(m_model->total())));
    else
        m_noMatchText->setText(tr("No loaded row matches “%1” (%2 segments are loaded; there are more).")
                                   .arg(m_search->searchText(), loaded));
    // Loading on after an error is Retry's, in the banner; a blank search is not sent anywhere.
    const bool canLoad = !complete && !m_model->error().isError();
    m_loadAll->setVisible(canLoad && !m_loadingAll);
    m_searchServer->setVisible(canLoad && offersServerFilter() && !m_search->searchText().trimmed().isEmpty());
    m_noMatch->setGeometry(m_table->viewport()->geometry());
    m_noMatch->show();
    m_noMatch->raise();
}

void SegmentBrowser::loadAll()
{
    m_loadingAll = true;
    continueLoadingAll();
    updateSearchNotice();
}

void SegmentBrowser::continueLoadingAll()
{
    if (!m_loadingAll)
        return;
    if (m_model->error().isError() || m_model->isComplete() || !m_search->isSearching()) {
        m_loadingAll = false;
        return;
    }
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void SegmentBrowser::searchOnServer()
{
    // The text as LaunchDarkly's search ("query", which matches key, name and description),
    // with the filter the table had: the server finds it in every page.
    const QString text = m_search->searchText().trimmed();
    if (text.isEmpty())
        return;
    const ldfilter::Filter search = ldfilter::Filter::leaf(ldfilter::Term::of(ldfilter::Field::Query, text));
    Query query = m_model->query();
    const Result<ldfilter::Filter> current = ldfilter::parse(query.filter);
    query.filter = ldfilter::print(
        current && !query.filter.isEmpty() ? ldfilter::Filter::andOf({current.value(), search}) : search);
    emit searchMovedToServer();
    m_filter->setQuery(query);
    applyQuery(query);
}

} // namespace sb
