#pragma once

namespace switchboard {

// Targets and alert thresholds for the dashboard's metrics (the config may override them). A metric that
// misses its target is a warning; one past its alert threshold is an alert.
struct MetricThresholds
{
    double inProgressTargetPerSlot = 2.0; // goals in progress < 2 x slots
    double inProgressAlertPerSlot = 3.0;  // alert above 3 x slots
    double averageCompletionTargetMinutes = 30.0;
    double averageCompletionAlertMinutes = 60.0;
    double escalationRateTarget = 0.20;
    double escalationRateAlert = 0.40;
    double lockConflictRateTarget = 0.05;
    double lockConflictRateAlert = 0.15;
    double utilisationTarget = 0.70; // utilisation > 70 %
    double utilisationAlert = 0.40;  // alert below 40 %
};

} // namespace switchboard
