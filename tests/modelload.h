#pragma once

// Shared by the tests that load a SegmentTableModel to the end.
#include "model/segmenttablemodel.h"

#include <QSignalSpy>
#include <QTest>

namespace sb::test {

// Does what a view scrolled to the bottom does, until the model says there is no more.
inline void loadAll(SegmentTableModel &model)
{
    for (int guard = 0; guard < 100000; ++guard) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        if (!model.isLoading() && !model.canFetchMore({}))
            return;
        QSignalSpy changed(&model, &SegmentTableModel::stateChanged);
        QVERIFY(changed.wait(30000));
    }
}

} // namespace sb::test
