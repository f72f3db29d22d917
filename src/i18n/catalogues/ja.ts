import type { MessageId } from './en.js';

/**
 * Japanese, polite (です・ます), plain words over jargon for the person
 * recording; clinical terms only in Apollo's clinician-facing results.
 * Loaded with import() only when the element's language is `ja`.
 */
export const ja = {
  // Helios の録音。
  instructionsHelios:
    '静かな場所で行ってください。「録音」を押して、今日のことをいつもどおりにお話しください。よく眠れたか、何をしたか、これからの予定などです。発話バーがいっぱいになるまで話し続けてください。',
  record: '録音',
  recordAgain: 'もう一度録音',
  stop: '停止',
  submit: '送信',
  finishAndSubmit: '終了して送信',
  retake: '録音し直す',
  continueRecording: '録音を続ける',
  tryAgain: 'もう一度試す',
  requestingPermission: 'マイクの使用許可を待っています…',
  recording: '録音中',
  speechProgress: '発話：{speech}秒／{min}秒',
  speechEnough: '十分にお話しいただきました。今すぐ送信することも、このまま続けることもできます。',
  speechNeedMore: 'そのまま話し続けてください。あと{remaining}秒の発話が必要です。',
  stoppedTooEarly:
    '聞き取れた発話は約{speech}秒で、{min}秒必要です。録音を続けて追加するか、最初から録音し直してください。',
  autoStoppedTooShort:
    '上限の{max}に達したため録音を停止しましたが、発話は{speech}秒だけでした。もう一度、できるだけ途切れずに話してください。',
  reviewReady: '録音の準備ができました（{duration}、発話{speech}秒）。',
  uploading: '録音をアップロードしています…',
  uploadRetrying: '接続が切れました。再試行しています…',
  processing: '録音を分析しています。通常、1分以内に終わります。',
  complete: 'ありがとうございました。録音の分析が完了しました。',
  levelMeter: 'マイクの音量',
  timer: '経過時間',
  uploadProgress: 'アップロードの進行状況',
  ERR_RECORDING_TOO_SHORT: '発話が少し足りませんでした。もう一度録音し、もう少し長く話してください。',
  ERR_TRANSCRIPTION_FAILED:
    '声をはっきりと聞き取れませんでした。マイクが接続されていて、ミュートになっていないことを確認してから、静かな場所でもう一度録音してください。',
  ERR_RECORDING_TOO_LONG: '録音が3分を超えました。もう少し短くして、もう一度録音してください。',
  ERR_RECORDING_INVALID_FORMAT:
    '録音を読み取れませんでした。もう一度録音してください。何度も起こる場合は、別のブラウザをお試しください。',
  ERR_INTERNAL: '録音の分析中に問題が発生しました。しばらくしてからもう一度お試しください。',
  modelErrorUnknown: '録音を分析できませんでした。もう一度録音してください。',
  'mic-permission-denied':
    'マイクへのアクセスがブロックされました。ブラウザの設定でこのサイトにマイクの使用を許可してから、もう一度お試しください。',
  'mic-not-found': 'マイクが見つかりません。マイクを接続して、もう一度お試しください。',
  'mic-lost': '録音中にマイクが動作しなくなりました。それまでに録音した内容は保存されています。',
  'unsupported-browser': 'このブラウザでは音声を録音できません。Chrome、Edge、Firefox、Safari の最新版をご利用ください。',
  'too-short': 'まだ発話が足りません。',
  'missing-config':
    'このページは、まだ録音を送信できるように設定されていません。録音は保存されています。後でもう一度お試しください。',
  'upload-failed': '録音を送信できませんでした。録音はこの端末に保存されています。接続を確認して、もう一度お試しください。',
  'upload-url-expired':
    'アップロード用リンクの有効期限が切れました。録音はこの端末に保存されています。ページを再読み込みするか、後でもう一度お試しください。',
  'status-failed': '結果を確認できませんでした。しばらくしてからもう一度お試しください。',
  'invalid-status-response': '結果を待っている間に、予期しない応答がありました。後でもう一度お試しください。',
  'model-error': '録音を分析できませんでした。もう一度録音してください。',
  'data-deleted': 'この結果はもうご覧いただけません。合意に基づいて削除された可能性があります。',
  'storage-failed': '録音をこの端末に保存できませんでした。送信が終わるまで、このページを閉じないでください。',
  // 結果（ウェルビーイングの目安であり、診断ではない）。
  resultsHeading: 'あなたのウェルビーイングの概要',
  resultsDisclaimer:
    'これらのスコアは、今日のあなたの声の様子を、あなたと似た人たちと比べて示したものです。ウェルビーイングの目安であり、医学的な診断ではありません。',
  mentalStrain: '全体的な心の負担',
  distress: '心理的な苦痛',
  stress: 'ストレス',
  exhaustion: '疲労感',
  sleepPropensity: '眠気',
  lowSelfEsteem: '自己評価の低さ',
  bucketLow: '低い',
  bucketModeratelyLow: 'やや低い',
  bucketModeratelyHigh: 'やや高い',
  bucketHigh: '高い',
  warningsHeading: '注意してお読みください',
  transcriptHeading: '聞き取った内容',
  scoreOutOf: '100点中{value}点',
  // 以前のページで保存された録音。
  restoredOffer:
    '以前の録音（{duration}、発話{speech}秒）がこの端末に保存されていて、まだ送信されていません。今すぐ送信するか、破棄して録音し直してください。',
  restoredTooShort:
    '以前の録音（{duration}）がこの端末に保存されていますが、発話は{speech}秒しかありません。破棄して録音し直してください。',
  restoreUpload: '録音を送信',
  discard: '破棄',
  // 同意。
  consentTitle: '始める前に',
  consentText:
    '「録音」を押すと、あなたの声を短い時間録音します。録音は thymia に送られ、thymia がいまご覧のサイトのために処理します。目的は、ウェルビーイングの指標を推定すること、またはこのサイトが行う臨床評価です。録音はいつでも中止できます。',
  consentCheckbox: 'この目的のために、私の声が録音され thymia に送られることに同意します。',
  // 睡眠の時刻。
  sleepOptionalHint: '昨夜の睡眠（任意：入力すると結果がより正確になります）',
  sleepTimeLabel: '寝た時刻',
  wakeTimeLabel: '起きた時刻',
  // 録音の品質。
  qualityAdvice: 'この録音では、正確な結果が得られない可能性があります。',
  qualityMostlySilence: '録音のほとんどが無音でした。マイクの近くで、途切れずに話してください。',
  qualityTooQuiet: '声がとても小さく録音されました。マイクに近づくか、もう少し大きな声で話してください。',
  qualityClipping: '声がマイクには大きすぎて、音がひずんでいます。マイクから少し離れるか、もう少し小さな声で話してください。',
  qualityLowSampleRate: 'マイクの録音品質が低くなっています。できれば、別のマイクやヘッドセットをお使いください。',
  qualityProcessingOn:
    'お使いの端末が、ノイズ抑制や自動音量調整で音を加工しました。できれば、別のマイクをお使いください。',
  submitAnyway: 'このまま送信',
  // マイク。
  // Pauses and interruptions.
  pause: '一時停止',
  resume: '再開',
  pausedUser: '一時停止中です。録音した内容は保存されています。続けるときは「再開」を押してください。',
  pausedMuted: 'マイクの音が止まったため、録音を一時停止しました。通話、音声アシスタント、または別のアプリがマイクを使っている可能性があります。録音した内容は保存されています。準備ができたら「再開」を押してください。',
  pausedEnded: 'マイクが停止したため、録音を一時停止しました。マイクが外れたか、別のアプリが使っている可能性があります。録音した内容は保存されています。「再開」を押すと続けられます（必要なら別のマイクで）。',
  pausedInterrupted: '端末が音声を中断したため（通話、アラーム、別のアプリなど）、録音を一時停止しました。録音した内容は保存されています。準備ができたら「再開」を押してください。',
  pausedHidden: 'ページが非表示になったため（画面ロックや別のアプリ）、録音を一時停止しました。録音した内容は保存されています。「再開」を押すと続けられます。',
  pausedDeviceLost: 'マイクの接続が切れたため、録音を一時停止しました。録音した内容は保存されています。「再開」を押すと別のマイクで続けられます。',
  micSilent: 'マイクから音が聞こえません。ミュートになっていないか確認するか、別のマイクを選んでください。',
  deviceSelectLabel: 'マイク',
  // 録音の前に分かる問題。
  insecureContext:
    'ブラウザは安全なページ（https）でしかマイクの使用を許可しませんが、このページは安全なページではありません。サイトの運営者にお知らせください。',
  noMediaRecorder:
    'このブラウザでは音声を録音できません。ブラウザを更新するか、Chrome、Edge、Firefox、Safari の最新版をご利用ください。',
  permissionsPolicy: 'この録音機能が表示されているページでは、マイクの使用が許可されていません。サイトの運営者にお知らせください。',
  // スクリーンリーダー向けのお知らせ。
  // 質問票。
  questionnaireTitle: '質問票',
  questionnaireCompletedAt: '回答日時：{date}',
  questionnaireScore: 'スコア：{score}',
  // Apollo のステップ。
  stepsLabel: 'ステップ',
  stepMoodQuestion: '今の気持ち',
  stepReadAloud: '音読',
  stepDone: '完了',
  moodQuestion: '今日はどのような気分ですか？',
  moodQuestionHint:
    '「録音」を押して、ご自分の言葉でお答えください。正しい答えや間違った答えはありません。発話バーがいっぱいになるまで（発話{min}秒）話し続けてください。',
  readAloudIntro:
    '「録音」を押してから、この文章をいつもの速さで声に出して読んでください。発話バーがいっぱいになる前に最後まで読み終えたら、もう一度初めから読んでください。',
  // 「北風と太陽」（イソップ寓話、パブリックドメイン）：音声学や発話の評価で標準的に使われる文章。
  readAloudTitle: '北風と太陽',
  readAloudPassage:
    'あるとき、北風と太陽が力比べをしました。旅人の外套を脱がせたほうが勝ちということに決めて、まず北風から始めました。北風は「ようし、ひと吹きで脱がせてやろう」と、激しく吹きつけました。ところが、北風が吹けば吹くほど、旅人は外套をしっかりと体に巻きつけました。とうとう北風はあきらめました。次は太陽の番です。太陽は雲の間から顔を出して、暖かな日差しを送りました。旅人はだんだん良い気持ちになり、とうとう外套を脱ぎました。こうして北風は、太陽のほうが強いと認めないわけにはいきませんでした。',
  next: '次へ',
  finishAndNext: '終了して次へ',
  reviewHeading: '録音の一覧',
  reviewTake: '{duration}・発話{speech}秒',
  retakeStep: '録音し直す：{step}',
  takeSent: '送信済み',
  uploadingApollo: '録音をアップロードしています…',
  processingApollo: '録音を処理しています。通常、1分以内に終わります。',
  // Apollo の結果（医療専門職向け）。
  apolloSubmitted: 'ありがとうございました。録音を送信しました。',
  apolloHeading: 'Apollo 臨床評価',
  apolloClinicianNotice:
    '資格を持つ医療専門職の方専用です。この結果は、何らかの対応をとる前に必ず臨床医が確認し、臨床的な確認を経ずに患者と共有しないでください。臨床判断を支援するものであり、診断ではありません。',
  apolloNotForCrisis:
    'Apollo は緊急時の使用について検証されていません。患者が危機的な状況にある場合は、通常の緊急対応手順に従ってください。',
  apolloWarningsHeading: '警告：この結果に基づいて対応する前にご確認ください',
  depression: '大うつ病',
  anxiety: '全般性不安障害',
  benchmarkDepression: 'PHQ-9 を基準として評価',
  benchmarkAnxiety: 'GAD-7 を基準として評価',
  probability: '確率',
  severity: '重症度',
  bandLow: '可能性は低い：診断閾値未満',
  bandBorderline: '境界域：追加の評価を推奨',
  bandModerate: '可能性は中程度：臨床像と一致',
  bandHigh: '可能性は高い：診断と強く一致',
  symptomsDepression: 'うつの症状',
  symptomsAnxiety: '不安の症状',
  anhedonia: '興味・喜びの喪失',
  lowmood: '気分の落ち込み',
  sleepissues: '睡眠の問題',
  lowenergy: '気力の低下',
  appetiteissues: '食欲の問題',
  worthlessnessissues: '無価値感・罪責感',
  concentrationissues: '集中困難',
  psychomotorissues: '精神運動の変化',
  nervousness: '神経過敏',
  uncontrollableworry: '制御できない心配',
  excessiveworry: '過剰な心配',
  troublerelaxing: 'くつろげない',
  restlessness: '落ち着きのなさ',
  irritability: 'いらだち',
  dread: '恐ろしいことが起こりそうな不安',
  levelNone: 'なし',
  levelMild: '軽度',
  levelModerate: '中等度',
  levelSevere: '重度',
  distributionLabel: 'なし{none}%、軽度{mild}%、中等度{moderate}%、重度{severe}%',
  percent: '{value}%',
  modelVersion: 'モデルのバージョンは{version}です。異なるバージョンのモデルによる結果は、直接比較しないでください。',
  reportHeading: '臨床レポート',
  reportView: 'レポートを表示',
  reportPdf: 'PDF をダウンロード',
  reportExpires: 'レポートのリンクの有効期限は{time}です。',
  reportExpired: 'レポートのリンクは{time}に有効期限が切れました。新しいリンクを取得するには、ページを再読み込みしてください。',
  // 音声エージェントとの通話。
  emotionsHeading: '感情',
  callHeading: '通話の概要',
  callDuration: '通話時間',
  callEndReason: '終了理由',
  callOutcome: '結果',
  callSentiment: '感情の傾向',
  callOverview: '概要',
  callKeyTopics: '主な話題',
  callActionItems: '対応事項',
  callTranscript: '文字起こし',
  roleAssistant: 'エージェント',
  roleUser: 'ユーザー',
  callEnded: '通話が終了しました。ありがとうございました。',
  callBusy: '話し中だったため、通話は行われませんでした。',
  callNoAnswer: '通話に応答がありませんでした。',
  callCanceled: '通話はキャンセルされました。',
  callFailed: '通話を完了できませんでした。',
  // 通話やアクティビティの結果を待つ。
  followWaiting: '結果を待っています…',
  followStatus: '状態：{status}',
  activityIntro:
    'thymia のアクティビティで続けてください。このページは開いたままにしておいてください。終わると、ここに結果が表示されます。',
  activityOpen: 'アクティビティを開く',
  activityFrameTitle: 'thymia のアクティビティ',
  activityUnavailable: 'アクティビティのリンクを利用できません。後でもう一度お試しください。',
  // History against the person's own baseline (history-url).
  historyHeading: 'いつものあなたとの比較',
  historyProgress: 'ベースラインまで {total} 回中 {count} 回',
  historyForming: 'ベースラインは、最初の {total} 回のセッションから求めた、あなたのいつもの状態です。ベースラインができると、毎回の結果をそれと比べて表示します。',
  historyLower: 'いつもより低め',
  historyUsual: 'いつもと同じくらい',
  historyHigher: 'いつもより高め',
  historyNote: 'いつもの状態は、最初の {total} 回のセッションの中央値です。1 回の結果は日によって変わります。数回にわたる変化のほうが多くを語ります。',
  historyTableCaption: '{name}：最近のセッション',
  historySession: 'セッション',
  historyReading: '結果',
  historyUsualRow: 'いつもの状態',
} as const satisfies Record<MessageId, string>;
