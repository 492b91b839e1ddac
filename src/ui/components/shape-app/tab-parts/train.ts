// The Train tab's components, loaded the first time the tab is shown.
import '../../backend-panel/backend-panel';
import '../../first-run/first-run';
import '../../pending-run/pending-run';
import '../../results-view/results-view';
import '../../train-panel/train-panel';
