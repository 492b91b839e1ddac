import type { PROBLEMS, ProblemCode } from '../../shared/problem-messages';
import type { ExpectNone, PlaceholderMismatch } from './messages';

/**
 * The engine's problems with a person's data, in Korean (the English ones are the engine's own).
 * A missing or extra code fails to compile, and so does a message whose placeholders differ.
 */
export const koProblems = {
  emptyFile: '빈 파일입니다 (0바이트)',
  fileTooLarge: '파일이 너무 큽니다 ({bytes}바이트, 한도는 {limit}바이트)',
  unreadableFile: '파일이 없거나 읽을 수 없습니다',
  notImage: 'PNG나 JPEG 이미지가 아닙니다',
  notImageFile: 'PNG나 JPEG 이미지가 아닙니다 (지원 형식: {extensions})',
  svgImage: 'SVG 그림은 지원하지 않습니다. PNG로 내보내 주세요',
  gifImage: 'GIF 이미지는 지원하지 않습니다. PNG로 저장해 주세요 (애니메이션이면 첫 프레임을)',
  webpImage: 'WebP 이미지는 지원하지 않습니다. PNG나 JPEG로 저장해 주세요',
  zeroSize: '손상된 {format}: 크기가 0입니다',
  imageTooLarge: '이미지가 너무 큽니다 ({width}x{height}, 한도는 {megapixels}메가픽셀)',
  noPngHeader: '손상된 PNG: IHDR 헤더가 없습니다',
  noJpegFrame: '손상된 JPEG: 프레임 헤더가 없습니다',
  corruptImage: '손상된 {format}: {detail}',
  undecodable: '손상된 {format}: 브라우저가 디코딩할 수 없습니다',
  photoNotPaper: '종이에 그린 그림으로 보이지 않습니다: 종이가 사진의 대부분을 차지하도록 찍어 주세요',
  photoBlank: '이 사진에서 그림을 찾지 못했습니다: 진한 펜으로 그리고 그림 전체가 사진 안에 들어오게 찍어 주세요',
  photoCluttered:
    '이 사진에는 그림 하나 외에 다른 것이 너무 많습니다(여러 그림, 글씨, 모눈종이): 무늬 없는 종이에 그린 그림 하나만 찍어 주세요',
  notPixels: '{width}x{height} RGBA 이미지가 아닙니다 ({bytes}바이트)',
  notCached: '읽을 수 없습니다 (오프라인이고 캐시되지 않았나요?)',

  folderNotFound: '폴더가 없습니다',
  notFolder: '폴더가 아닙니다',
  nestedFolder: '폴더 안의 폴더: 이미지는 클래스 폴더 바로 안에 있어야 합니다',
  noClassFolders: '클래스 하위 폴더가 없습니다 (클래스마다 폴더 하나, 예: circle/, triangle/)',
  emptyClassFolder: '이 클래스 폴더에 이미지가 없습니다',
  unknownClass: "'{name}' 클래스는 모델이 모르는 클래스입니다 (클래스: {classes})",
  unknownBundledSet: "'{name}'(이)라는 기본 데이터셋은 없습니다 (starter, starter-shapes, tutorial)",
  outsideSplits:
    'train/과 test/ 밖에 있습니다: train/이 있는 데이터셋은 모든 이미지를 train/<클래스>/나 test/<클래스>/에 두어야 합니다',
  notInClass: '클래스 폴더 안에 있지 않습니다 (<클래스>/<이미지> 형태여야 합니다)',
  appearsTwice: '두 번 들어 있습니다',
  duplicateImage: '{of}과(와) 같은 이미지입니다: 건너뜁니다',
  unsafePath: '안전하지 않은 경로(절대 경로이거나 ..가 있음)라서 거부합니다',
  linkLoop: '자신을 담은 폴더로 돌아가는 링크라서 거부합니다',
  brokenLink: '존재하지 않는 대상을 가리키는 링크입니다',
  noClasses: '이미지가 든 클래스 폴더가 없습니다 (<클래스>/<이미지> 또는 train/<클래스>/<이미지> 형태여야 합니다)',
  classCase:
    "클래스 '{other}'와(과) '{name}'은(는) 대소문자만 다릅니다: 하나의 이름을 바꾸세요 (Windows와 macOS에서는 한 폴더로 보입니다)",
  oneClass: "클래스가 하나뿐입니다 ('{name}'): 분류기에는 클래스가 둘 이상 필요합니다",
  noTrainingImages: '이 클래스에 학습 이미지가 없습니다',

  notZip: '올바른 .zip 파일이 아닙니다 ({detail})',
  nothingPending: '보관할 멈춘 학습이나 중단된 학습이 없습니다',
  nothingNew: '새로운 것이 없습니다: 이미지 {count}개가 모두 이미 저장되어 있습니다',
  zipDuplicate: '압축 파일 안에 두 번 들어 있습니다',
  zipNameEncoding: '파일 이름이 UTF-8(또는 한국어 EUC-KR)이 아닙니다. 최신 도구로 폴더를 다시 압축해 주세요',
  zipTooManyFiles: '파일이 {limit}개를 넘습니다',
  zipTooLarge: '압축을 풀면 {mib}MiB를 넘습니다',
  nothingToImport: '가져올 것이 없습니다. 가져오기를 다시 준비해 주세요',
  importFailed: '가져올 수 없습니다 ({detail}). 이 파일의 어떤 것도 저장되지 않았습니다',
  importNoSpace: '가져올 수 없습니다 (이 기기에 저장 공간이 부족합니다). 이 파일의 어떤 것도 저장되지 않았습니다',

  classNameEmpty: '클래스 이름: 비워 둘 수 없습니다',
  classNameTooLong: "클래스 이름: '{name}'은(는) {limit}자를 넘습니다",
  classNameFolder: "클래스 이름: '{name}'은(는) 폴더 이름으로 쓸 수 없습니다",
  classExists: "클래스 이름: '{name}'은(는) 이미 있습니다",
  classMissing: "클래스 이름: '{name}'은(는) 없습니다",
  sampleMissing: '샘플 {id}: 찾을 수 없습니다',
  tooFewClasses: '데이터셋: 클래스가 둘 이상 필요합니다. 클래스를 추가하거나 기본 데이터셋을 포함하세요',
  classWithoutTraining: "'{name}' 클래스: 학습 이미지가 없습니다. 이미지를 추가하거나 클래스를 삭제하세요",

  deviceLost:
    '학습 중에 GPU가 멈췄습니다 ({backend} 장치 손실). 앱이 워커를 다시 시작합니다. WebAssembly SIMD나 다른 백엔드로 다시 학습하세요. 저장된 것은 그대로이고 이 학습의 마지막 체크포인트도 남아 있습니다',
  diverged:
    '{epoch}번째 에포크에서 학습이 발산했습니다 (손실 {loss}, 무작위로 고르는 것보다 나쁨): 학습률 {rate}이(가) 너무 큽니다. {suggestion}처럼 더 작은 값으로 다시 시도하세요. 아무것도 저장하지 않았습니다',
  upgradedElsewhere:
    '다른 탭에서 새 버전의 앱이 열렸습니다. 이 탭을 새로 고쳐 계속하세요 (저장된 것은 모두 그대로입니다)',
  trainingElsewhere: '이 앱의 다른 탭에서 학습하고 있습니다. 끝날 때까지 기다리거나 그 탭에서 멈추세요',
  modelMissing: '모델 {id}: 찾을 수 없습니다',
  modelNameEmpty: '모델 이름: 비워 둘 수 없습니다',
  modelNotSaved: '이 기기에 모델을 저장할 수 없습니다: {detail}',
  modelNotSavedFilesLeft:
    '이 기기에 모델을 저장할 수 없습니다: {detail}. 일부 저장된 파일도 지우지 못했습니다 ({cleanup}): 다음에 앱을 열 때 지웁니다',
  modelFilesLeft: "모델 '{name}'은(는) 삭제했지만 파일을 지우지 못했습니다 ({detail}): 다음에 앱을 열 때 지웁니다",
  sweepFailed: '삭제했거나 저장하지 못한 모델의 파일을 지울 수 없습니다 ({detail}). 다음에 다시 시도합니다',
  modelUnloadable: "저장된 모델 '{name}'을(를) 불러올 수 없습니다 ({detail}). 삭제하세요",
  modelZipFolder: '모델 압축 파일 안에 예상하지 못한 폴더가 있습니다',
  missingFile: '파일이 없습니다',
  missingWeights: '가중치 파일이 없습니다',
  notJson: '올바른 JSON이 아닙니다',
  notLayersModel: 'TensorFlow.js 레이어 모델이 아닙니다 (modelTopology나 weightsManifest가 없습니다)',
  weightsSize: '{bytes}바이트입니다. model.json은 {expected}바이트를 기대합니다',
  kerasUnsupported: "레이어 '{layer}' ({type}): {detail}. 앱은 튜토리얼의 CNN만 실행합니다 ({tutorial})",
  kerasClassNames: '파일에 클래스 {classes}개의 이름이 없습니다. 출력 순서대로 이름을 알려 주세요',
  kerasClassCount: '출력이 {classes}개인 모델에 클래스 이름을 {given}개 주었습니다',
  kerasCorrupt: '읽을 수 있는 Keras 파일이 아닙니다: {detail}',
  hdf5Unavailable:
    'Keras 파일에는 HDF5 지원(약 1MB)이 필요하며, 앱이 Keras 파일을 처음 읽거나 쓸 때 내려받습니다. 한 번 네트워크에 연결한 뒤 다시 시도하세요',
  modelUnbuildable: '모델을 만들 수 없습니다: {detail}',
  notMetadata: '메타데이터 객체가 아닙니다',
  metadataClasses: 'classNames에는 클래스 이름이 둘 이상 있어야 합니다',
  metadataInputSize: 'inputSize는 [높이, 너비]여야 합니다',
  metadataData: 'data는 {train, test, own} 이미지 수와 bundled(기본 제공 세트 이름 또는 null)여야 합니다',
  metadataHardAccuracy: 'hardAccuracy는 0부터 1까지의 숫자여야 합니다',
  metadataPreprocess:
    'preprocess는 {fitFrame: null} 또는 {fitFrame: {margin, minContrast, inkFraction, speckFraction, levels, maxAspect?}}(maxAspect는 1 이상)여야 하고, averageTurns가 있으면 false이거나 (정사각형 입력일 때만) true여야 합니다',
  inputShape: '입력 모양 [{shape}]이(가) [null, {height}, {width}, 3]이 아닙니다',
  outputCount: '출력이 {outputs}개인데 metadata.json에는 클래스가 {classes}개 있습니다',
  notModelFolder: '폴더가 이미 있고 저장된 모델이 아닙니다. 덮어쓰지 않습니다',
  folderNotSaved: '모델을 저장할 수 없습니다: {detail}',
  modelFolderMissing: '모델 폴더가 없습니다',
  notSavedModel: '파일이 없습니다: 저장된 모델 폴더가 아닙니다',

  notProject:
    'Shape CNN 프로젝트가 아닙니다 (앱이 만든 project.json이 없습니다). 데이터셋 .zip은 데이터셋 탭에서, 모델 파일은 ‘모델 가져오기’로 여세요',
  projectVersion:
    '더 새로운 버전의 앱이 만든 파일입니다 (프로젝트 버전 {version}, 이 앱은 {supported}까지 읽습니다). 앱을 업데이트하세요',
  projectManifest: '올바른 프로젝트 설명이 아닙니다: {detail}',
  projectSampleMissing: 'project.json에는 있지만 압축 파일 안에는 없습니다',
  projectUnlisted: 'project.json에 없는 모델 폴더입니다',
  nothingToOpen: '열 것이 없습니다. 프로젝트 파일을 다시 고르세요',
  projectNotOpened: '열 수 없습니다 ({detail}). 이 기기의 데이터는 바뀌지 않았습니다',
  projectNoSpace: '열 수 없습니다 (이 기기의 저장 공간이 부족합니다). 이 기기의 데이터는 바뀌지 않았습니다',
} as const satisfies { readonly [C in ProblemCode]: string };

/** Compiles only when every Korean message has the English one's placeholders. */
export type KoreanProblemPlaceholdersMatch = ExpectNone<
  PlaceholderMismatch<typeof PROBLEMS, typeof koProblems, ProblemCode>
>;
