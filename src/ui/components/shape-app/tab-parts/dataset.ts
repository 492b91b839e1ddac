// The Dataset tab's components, loaded the first time the tab is shown.
import '../../dataset-view/dataset-view';
import '../../import-panel/import-panel';
import '../../sample-capture/sample-capture';
import '../../sample-editor/sample-editor';
import '../../storage-status/storage-status';
