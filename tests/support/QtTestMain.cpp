// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The one main() of every test executable: a QCoreApplication (or a QApplication for widget tests) around
// RUN_ALL_TESTS(). It sets QT_QPA_PLATFORM=offscreen itself when unset, because ctest lists tests without the
// test's ENVIRONMENT.
#include <gtest/gtest.h>

#ifdef WAYBILL_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    ::testing::InitGoogleTest(&argc, argv);
    TestApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
