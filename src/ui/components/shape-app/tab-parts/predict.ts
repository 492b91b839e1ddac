// The Predict tab's components, loaded the first time the tab is shown.
import '../../model-view/model-view';
import '../../predict-panel/predict-panel';
