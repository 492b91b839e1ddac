/** Korean messages of the app shell: title, tabs, class and split names, dialogs, updates and errors. */
export const koApp = {
  'app.title': 'Shape CNN',
  'app.tagline':
    '손으로 그린 원, 직사각형, 삼각형을 구별하는 작은 신경망을 브라우저에서 학습합니다. 모든 계산은 이 기기에서, 오프라인으로도 이루어집니다.',
  'app.opening': '데이터셋과 저장된 모델을 여는 중…',
  'app.language': '언어',

  'tabs.label': '화면',
  'tabs.train': '학습',
  'tabs.predict': '예측',
  'tabs.dataset': '데이터셋',
  'tabs.models': '모델',

  'class.circle': '원',
  'class.rectangle': '직사각형',
  'class.triangle': '삼각형',

  'split.train': '학습',
  'split.test': '테스트',
  'split.hard': '어려운 예제',

  'confirm.cancel': '취소',

  'update.offline': '이제 오프라인에서도 사용할 수 있습니다.',
  'update.available': '새 버전이 있습니다.',
  'update.reload': '새로 고침',
  'update.afterTraining': '학습이 끝나면 새로 고칠 수 있습니다.',
  'update.dismiss': '닫기',

  'error.title': '문제가 발생했습니다',
  'error.dismiss': '닫기',
  'error.open': '앱 데이터를 열 수 없습니다',
  'error.tidy': '저장된 모델을 정리할 수 없습니다',
  'error.keep': '끝나지 않은 학습의 모델을 보관하거나 버릴 수 없습니다',
  'error.backend': '백엔드를 시작할 수 없습니다',
  'error.calibrate': '백엔드를 측정할 수 없습니다',
  'error.describe': '모델 구조를 가져올 수 없습니다',
  'error.train': '학습에 실패했습니다',
  'error.stop': '학습을 중지할 수 없습니다',
  'error.evaluate': '평가에 실패했습니다',
  'error.predict': '예측에 실패했습니다',
  'error.image': '이미지를 읽을 수 없습니다',
  'error.delete': '저장된 모델을 삭제할 수 없습니다',
  'error.models': '저장된 모델을 변경할 수 없습니다',
  'error.exportModel': '모델을 내보낼 수 없습니다',
  'error.importModel': '모델을 가져올 수 없습니다',
  'error.dataset': '데이터셋을 변경할 수 없습니다',
  'error.addSamples': '샘플을 추가할 수 없습니다',
  'error.import': '가져올 수 없습니다',
  'error.export': '데이터셋을 내보낼 수 없습니다',
  'error.saveProject': '프로젝트를 저장할 수 없습니다',
  'error.openProject': '프로젝트를 열 수 없습니다',
  'error.preview': '증강 미리 보기를 만들 수 없습니다',
  'error.worker': '학습 워커를 시작하지 못했습니다. 페이지를 새로 고쳐 다시 시도하세요',
  'error.workerRestarted':
    '학습 워커가 멈춰서 다시 시작했습니다. 하던 일(학습, 예측)은 중단되었고, 이 기기에 저장된 것은 모두 그대로입니다',
  'error.offline': '오프라인 사용을 준비할 수 없습니다',
} as const;
