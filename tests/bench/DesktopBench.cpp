// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's start-up and memory budgets, measured on the real main window:
//   WAYBILL_BENCH_WORKSPACE=DIR waybill_desktop_bench [rows]
// prints the time from process start to the first painted inbox (the conversation list showing rows), then
// scrolls the list until `rows` (default 10,000) conversations are loaded and prints the resident memory.
// Linux only for the process start time (/proc); elsewhere the time counts from main().
#include "ProcessMemory.h"
#include "demo/DemoGenerator.h"
#include "models/ConversationListModel.h"
#include "settings/Settings.h"
#include "storage/AgentRepository.h"
#include "storage/Database.h"
#include "storage/Workspace.h"
#include "ui/MainWindow.h"
#include "ui/MessageBoxDialogService.h"
#include "ui/Theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace waybill;

namespace {

/// Milliseconds since this process started, from /proc (0 where unavailable).
double processAgeMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of the whole line
    const double up = uptime.readAll().split(' ').value(0).toDouble();
    return (up - startTicks / double(sysconf(_SC_CLK_TCK))) * 1000.0;
}

/// Reports the first paint of the list's viewport that shows rows.
class FirstPaintProbe final : public QObject {
public:
    FirstPaintProbe(QAbstractItemView *view, std::function<void()> onFirstPaint)
        : QObject(view)
        , m_view(view)
        , m_onFirstPaint(std::move(onFirstPaint))
    {
        view->viewport()->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_onFirstPaint && m_view->model() && m_view->model()->rowCount() > 0) {
            // Runs after this paint event is delivered.
            QTimer::singleShot(0, this, std::exchange(m_onFirstPaint, {}));
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QAbstractItemView *m_view;
    std::function<void()> m_onFirstPaint;
};

} // namespace

int main(int argc, char **argv)
{
    const double ageAtMain = processAgeMs();
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication application(argc, argv);
    const QString dir = qEnvironmentVariable("WAYBILL_BENCH_WORKSPACE");
    if (dir.isEmpty()) {
        std::fprintf(stderr, "waybill_desktop_bench: set WAYBILL_BENCH_WORKSPACE to a workspace folder\n");
        return 2;
    }
    const int wantedRows = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    ui::Theme::apply(application);
    const storage::Workspace workspace(dir);
    const auto database = workspace.openDatabase(QStringLiteral("ui"));
    const auto agent = storage::AgentRepository(*database).findByEmail(demo::DemoGenerator::defaultAgentEmail());
    QTemporaryDir settingsDir;
    const auto settings = settings::Settings::fromIniFile(settingsDir.filePath(QStringLiteral("bench.ini")));
    ui::MessageBoxDialogService dialogs;
    ui::MainWindow window({ *database, *settings, dialogs, agent ? agent->id : 0,
        [] { return QDateTime::currentSecsSinceEpoch(); }, domain::SlaPolicy {} });
    window.resize(1600, 1000);
    window.show();

    auto *list = window.findChild<QAbstractItemView *>(QStringLiteral("conversationList"));
    if (!list) {
        std::fprintf(stderr, "waybill_desktop_bench: the conversation list was not found\n");
        return 1;
    }
    // The inbox opens on "Mine"; the budget is about scrolling a big view, so scroll "All open".
    QElapsedTimer scrollTimer;
    auto scroll = [&] {
        models::ConversationListModel *model = window.listModel();
        if (model->rowCount() < wantedRows && model->canFetchMore({})) {
            list->verticalScrollBar()->setValue(list->verticalScrollBar()->maximum());
            QTimer::singleShot(0, &window, [&] { window.listModel()->rowCount(); });
            return false;
        }
        return true;
    };
    new FirstPaintProbe(list, [&] {
        const double firstPaint = ageAtMain + double(sinceMain.nsecsElapsed()) / 1e6;
        std::printf("first painted inbox: %.0f ms after process start (%.0f ms after main)\n", firstPaint,
            double(sinceMain.nsecsElapsed()) / 1e6);
        std::printf("resident memory after start: %.1f MB\n", bench::residentMegabytes());
        std::fflush(stdout);
        auto *timer = new QTimer(&window);
        scrollTimer.start();
        QObject::connect(timer, &QTimer::timeout, &window, [&, timer] {
            if (scroll()) {
                timer->stop();
                // Scroll back up and down once more, as a person reading the list would.
                for (int value = list->verticalScrollBar()->maximum(); value > 0; value -= 2000) {
                    list->verticalScrollBar()->setValue(value);
                    QCoreApplication::processEvents();
                }
                std::printf("rows loaded: %d in %.0f ms of scrolling\n", window.listModel()->rowCount(),
                    double(scrollTimer.elapsed()));
                std::printf("resident memory after scrolling: %.1f MB\n", bench::residentMegabytes());
                std::fflush(stdout);
                QCoreApplication::quit();
            }
        });
        timer->start(0);
    });
    return QApplication::exec();
}
