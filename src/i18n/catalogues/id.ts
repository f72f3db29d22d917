import type { MessageId } from './en.js';

/**
 * Indonesian (Bahasa Indonesia), polite and neutral ("Anda", "silakan").
 * Loaded with import() only when the element's language is `id`.
 */
export const id = {
  // Perekaman Helios.
  instructionsHelios:
    'Carilah tempat yang tenang. Tekan Rekam dan ceritakan hari Anda dengan santai — bagaimana tidur Anda, apa yang sudah Anda lakukan, apa rencana Anda berikutnya. Terus berbicara sampai bilah ucapan penuh.',
  record: 'Rekam',
  recordAgain: 'Rekam lagi',
  stop: 'Berhenti',
  submit: 'Kirim',
  finishAndSubmit: 'Selesai dan kirim',
  retake: 'Rekam ulang',
  continueRecording: 'Lanjutkan merekam',
  tryAgain: 'Coba lagi',
  requestingPermission: 'Menunggu izin mikrofon…',
  recording: 'Merekam',
  speechProgress: 'Ucapan: {speech} dari {min} detik',
  speechEnough: 'Ucapan sudah cukup — Anda bisa mengirim sekarang, atau terus berbicara.',
  speechNeedMore: 'Terus berbicara — masih perlu {remaining} detik ucapan.',
  stoppedTooEarly:
    'Kami mendengar sekitar {speech} detik ucapan, sedangkan yang diperlukan {min} detik. Lanjutkan merekam untuk menambahnya, atau rekam ulang dari awal.',
  autoStoppedTooShort:
    'Perekaman berhenti pada batas {max} dengan hanya {speech} detik ucapan. Silakan rekam ulang dan berbicaralah dengan lebih sedikit jeda.',
  reviewReady: 'Rekaman siap: {duration}, dengan {speech} detik ucapan.',
  uploading: 'Mengunggah rekaman Anda…',
  uploadRetrying: 'Koneksi terputus — mencoba lagi…',
  processing: 'Menganalisis rekaman Anda. Biasanya ini memerlukan waktu kurang dari satu menit.',
  complete: 'Terima kasih — rekaman Anda telah dianalisis.',
  levelMeter: 'Tingkat suara mikrofon',
  timer: 'Waktu berjalan',
  uploadProgress: 'Kemajuan unggahan',
  ERR_RECORDING_TOO_SHORT:
    'Ucapan yang kami dengar belum cukup. Silakan rekam lagi dan berbicaralah sedikit lebih lama.',
  ERR_TRANSCRIPTION_FAILED:
    'Kami tidak dapat menangkap suara Anda dengan jelas. Pastikan mikrofon Anda terhubung dan tidak dibisukan, lalu rekam lagi di tempat yang tenang.',
  ERR_RECORDING_TOO_LONG: 'Rekaman lebih dari 3 menit. Silakan rekam lagi dengan durasi yang lebih singkat.',
  ERR_RECORDING_INVALID_FORMAT:
    'Rekaman Anda tidak dapat dibaca. Silakan rekam lagi; jika masih terjadi, coba gunakan browser lain.',
  ERR_INTERNAL: 'Terjadi kesalahan saat menganalisis rekaman Anda. Silakan coba lagi sebentar lagi.',
  modelErrorUnknown: 'Rekaman Anda tidak dapat dianalisis. Silakan rekam lagi.',
  'mic-permission-denied':
    'Akses mikrofon diblokir. Izinkan mikrofon untuk situs ini di pengaturan browser Anda, lalu coba lagi.',
  'mic-not-found': 'Mikrofon tidak ditemukan. Hubungkan mikrofon, lalu coba lagi.',
  'mic-lost': 'Mikrofon berhenti berfungsi saat perekaman. Bagian yang sudah terekam tetap disimpan.',
  'unsupported-browser':
    'Browser ini tidak dapat merekam audio. Silakan gunakan versi terbaru Chrome, Edge, Firefox, atau Safari.',
  'too-short': 'Ucapan belum cukup.',
  'missing-config':
    'Halaman ini belum disiapkan untuk mengirim rekaman. Rekaman Anda tetap disimpan; silakan coba lagi nanti.',
  'upload-failed':
    'Rekaman Anda tidak dapat dikirim. Rekaman tetap tersimpan di perangkat ini — periksa koneksi Anda, lalu coba lagi.',
  'upload-url-expired':
    'Tautan unggahan sudah kedaluwarsa. Rekaman Anda tetap tersimpan di perangkat ini; silakan muat ulang halaman atau coba lagi nanti.',
  'status-failed': 'Kami tidak dapat memeriksa hasil Anda. Silakan coba lagi sebentar lagi.',
  'invalid-status-response': 'Kami menerima jawaban yang tidak terduga saat menunggu hasil. Silakan coba lagi nanti.',
  'model-error': 'Rekaman Anda tidak dapat dianalisis. Silakan rekam lagi.',
  'data-deleted': 'Hasil ini sudah tidak tersedia. Hasil ini mungkin telah dihapus sesuai kesepakatan.',
  'storage-failed':
    'Rekaman Anda tidak dapat disimpan di perangkat ini; mohon jangan tutup halaman ini sampai rekaman terkirim.',
  // Hasil (kesejahteraan, bukan diagnosis).
  resultsHeading: 'Gambaran kesejahteraan Anda',
  resultsDisclaimer:
    'Skor ini menggambarkan bagaimana suara Anda terdengar hari ini dibandingkan dengan orang-orang yang serupa dengan Anda. Skor ini adalah indikator kesejahteraan, bukan diagnosis medis.',
  mentalStrain: 'Beban mental secara keseluruhan',
  distress: 'Tekanan emosional',
  stress: 'Stres',
  exhaustion: 'Kelelahan',
  sleepPropensity: 'Rasa kantuk',
  lowSelfEsteem: 'Harga diri rendah',
  bucketLow: 'Rendah',
  bucketModeratelyLow: 'Agak rendah',
  bucketModeratelyHigh: 'Agak tinggi',
  bucketHigh: 'Tinggi',
  warningsHeading: 'Harap dibaca dengan hati-hati',
  transcriptHeading: 'Yang kami dengar',
  scoreOutOf: '{value} dari 100',
  // Rekaman yang tersimpan dari kunjungan sebelumnya.
  restoredOffer:
    'Rekaman sebelumnya ({duration}, {speech} detik ucapan) tersimpan di perangkat ini dan belum dikirim. Kirim sekarang, atau buang lalu rekam lagi.',
  restoredTooShort:
    'Rekaman sebelumnya ({duration}) tersimpan di perangkat ini, tetapi hanya berisi {speech} detik ucapan. Buang rekaman itu lalu rekam lagi.',
  restoreUpload: 'Kirim rekaman',
  discard: 'Buang',
  // Persetujuan.
  consentTitle: 'Sebelum memulai',
  consentText:
    'Saat Anda menekan Rekam, suara Anda akan direkam selama waktu yang singkat. Rekaman dikirim ke thymia, yang memprosesnya untuk situs yang sedang Anda buka, guna memperkirakan indikator kesejahteraan atau untuk penilaian klinis yang digunakan situs ini. Anda dapat berhenti kapan saja.',
  consentCheckbox: 'Saya setuju suara saya direkam dan dikirim ke thymia untuk tujuan ini.',
  // Waktu tidur.
  sleepOptionalHint: 'Tidur Anda semalam (opsional — membuat hasil lebih akurat)',
  sleepTimeLabel: 'Mulai tidur',
  wakeTimeLabel: 'Bangun tidur',
  // Kualitas rekaman.
  qualityAdvice: 'Rekaman ini mungkin tidak memberikan hasil yang akurat.',
  qualityMostlySilence: 'Sebagian besar rekaman berisi keheningan. Berbicaralah tanpa putus, dekat dengan mikrofon.',
  qualityTooQuiet: 'Suara Anda sangat pelan. Dekatkan diri ke mikrofon atau berbicaralah sedikit lebih keras.',
  qualityClipping:
    'Suara Anda terlalu keras untuk mikrofon sehingga terdengar pecah. Menjauhlah sedikit atau berbicaralah lebih pelan.',
  qualityLowSampleRate: 'Mikrofon merekam dengan kualitas rendah. Jika memungkinkan, gunakan mikrofon lain atau headset.',
  qualityProcessingOn:
    'Perangkat Anda menyaring suara (peredam bising atau volume otomatis). Jika memungkinkan, gunakan mikrofon lain.',
  submitAnyway: 'Tetap kirim',
  // Mikrofon.
  // Pauses and interruptions.
  pause: 'Jeda',
  resume: 'Lanjutkan',
  pausedUser: 'Dijeda. Rekaman Anda tetap disimpan — tekan Lanjutkan bila Anda siap.',
  pausedMuted: 'Perekaman dijeda: mikrofon menjadi senyap — mungkin sedang dipakai panggilan, asisten suara, atau aplikasi lain. Rekaman Anda tetap disimpan; tekan Lanjutkan bila Anda siap.',
  pausedEnded: 'Perekaman dijeda: mikrofon berhenti — mungkin dicabut, atau dipakai aplikasi lain. Rekaman Anda tetap disimpan; tekan Lanjutkan untuk meneruskan, dengan mikrofon lain bila perlu.',
  pausedInterrupted: 'Perekaman dijeda: perangkat Anda menghentikan suara (panggilan, alarm, atau aplikasi lain). Rekaman Anda tetap disimpan; tekan Lanjutkan bila Anda siap.',
  pausedHidden: 'Perekaman dijeda karena halaman tersembunyi (layar terkunci atau aplikasi lain dibuka). Rekaman Anda tetap disimpan; tekan Lanjutkan untuk meneruskan.',
  pausedDeviceLost: 'Perekaman dijeda: mikrofon Anda terputus. Rekaman Anda tetap disimpan; tekan Lanjutkan untuk meneruskan dengan mikrofon lain.',
  micSilent: 'Kami tidak mendengar apa pun dari mikrofon Anda. Pastikan mikrofon tidak dibisukan, atau pilih mikrofon lain.',
  deviceSelectLabel: 'Mikrofon',
  // Pemeriksaan awal.
  insecureContext:
    'Browser hanya mengizinkan mikrofon di halaman yang aman (https), dan halaman ini tidak aman. Silakan beri tahu pengelola situs.',
  noMediaRecorder:
    'Browser ini tidak dapat merekam audio. Perbarui browser Anda, atau gunakan versi terbaru Chrome, Edge, Firefox, atau Safari.',
  permissionsPolicy:
    'Halaman tempat perekam ini ditampilkan tidak mengizinkannya menggunakan mikrofon. Silakan beri tahu pengelola situs.',
  // Pengumuman untuk pembaca layar.
  // Kuesioner.
  questionnaireTitle: 'Kuesioner',
  questionnaireCompletedAt: 'Selesai pada {date}',
  questionnaireScore: 'Skor: {score}',
  // Langkah Apollo.
  stepsLabel: 'Langkah',
  stepMoodQuestion: 'Perasaan Anda',
  stepReadAloud: 'Membaca nyaring',
  stepDone: 'selesai',
  moodQuestion: 'Bagaimana perasaan Anda hari ini?',
  moodQuestionHint:
    'Tekan Rekam dan jawablah dengan kata-kata Anda sendiri — tidak ada jawaban yang benar atau salah. Terus berbicara sampai bilah ucapan penuh ({min} detik ucapan).',
  readAloudIntro:
    'Tekan Rekam, lalu bacalah teks ini dengan suara keras dan kecepatan seperti biasa. Jika Anda sudah sampai di akhir sebelum bilah ucapan penuh, mulailah lagi dari awal.',
  // "Angin Utara dan Matahari" (Aesop, domain publik): teks baku untuk fonetik dan penilaian wicara.
  readAloudTitle: 'Angin Utara dan Matahari',
  readAloudPassage:
    'Angin Utara dan Matahari sedang berdebat tentang siapa yang lebih kuat di antara mereka, ketika seorang pengembara lewat dengan mengenakan mantel tebal yang hangat. Mereka sepakat bahwa siapa yang lebih dulu berhasil membuat pengembara itu melepaskan mantelnya akan dianggap lebih kuat. Lalu Angin Utara bertiup sekuat-kuatnya, tetapi semakin kencang ia bertiup, semakin erat pengembara itu membungkus tubuhnya dengan mantel; akhirnya Angin Utara pun menyerah. Kemudian Matahari bersinar dengan hangat, dan seketika pengembara itu melepaskan mantelnya. Maka Angin Utara terpaksa mengakui bahwa Matahari lebih kuat daripada dirinya.',
  next: 'Berikutnya',
  finishAndNext: 'Selesai dan lanjut',
  reviewHeading: 'Rekaman Anda',
  reviewTake: '{duration} · {speech} detik ucapan',
  retakeStep: 'Rekam ulang: {step}',
  takeSent: 'Terkirim',
  uploadingApollo: 'Mengunggah rekaman-rekaman Anda…',
  processingApollo: 'Rekaman Anda sedang diproses. Biasanya ini memerlukan waktu kurang dari satu menit.',
  // Hasil Apollo (untuk tenaga kesehatan).
  apolloSubmitted: 'Terima kasih — rekaman Anda telah dikirim.',
  apolloHeading: 'Penilaian klinis Apollo',
  apolloClinicianNotice:
    'Hanya untuk tenaga kesehatan profesional yang berkualifikasi. Hasil ini harus ditinjau oleh klinisi sebelum tindakan apa pun diambil dan tidak boleh dibagikan kepada pasien tanpa tinjauan klinis. Hasil ini mendukung penilaian klinis; hasil ini bukan diagnosis.',
  apolloNotForCrisis:
    'Apollo tidak divalidasi untuk keadaan darurat. Jika pasien sedang dalam krisis, ikuti protokol kedaruratan standar Anda.',
  apolloWarningsHeading: 'Peringatan — tinjau sebelum menindaklanjuti hasil ini',
  depression: 'Depresi mayor',
  anxiety: 'Gangguan cemas menyeluruh',
  benchmarkDepression: 'Dibandingkan dengan PHQ-9',
  benchmarkAnxiety: 'Dibandingkan dengan GAD-7',
  probability: 'Probabilitas',
  severity: 'Tingkat keparahan',
  bandLow: 'Kemungkinan rendah — di bawah ambang diagnostik',
  bandBorderline: 'Di ambang batas — disarankan penilaian lebih lanjut',
  bandModerate: 'Kemungkinan sedang — sesuai dengan gambaran klinis',
  bandHigh: 'Kemungkinan tinggi — sangat sesuai dengan diagnosis',
  symptomsDepression: 'Gejala depresi',
  symptomsAnxiety: 'Gejala kecemasan',
  anhedonia: 'Anhedonia',
  lowmood: 'Suasana hati murung',
  sleepissues: 'Gangguan tidur',
  lowenergy: 'Kurang energi',
  appetiteissues: 'Gangguan nafsu makan',
  worthlessnessissues: 'Rasa tidak berharga / bersalah',
  concentrationissues: 'Sulit berkonsentrasi',
  psychomotorissues: 'Perubahan psikomotor',
  nervousness: 'Rasa gugup',
  uncontrollableworry: 'Kekhawatiran yang tak terkendali',
  excessiveworry: 'Kekhawatiran berlebihan',
  troublerelaxing: 'Sulit bersantai',
  restlessness: 'Gelisah',
  irritability: 'Mudah tersinggung',
  dread: 'Rasa takut akan terjadi hal buruk',
  levelNone: 'Tidak ada',
  levelMild: 'Ringan',
  levelModerate: 'Sedang',
  levelSevere: 'Berat',
  distributionLabel: 'Tidak ada {none}%, ringan {mild}%, sedang {moderate}%, berat {severe}%',
  percent: '{value}%',
  modelVersion: 'Versi model {version}. Hasil dari versi model yang berbeda tidak boleh dibandingkan secara langsung.',
  reportHeading: 'Laporan klinis',
  reportView: 'Lihat laporan',
  reportPdf: 'Unduh PDF',
  reportExpires: 'Tautan laporan berlaku hingga {time}.',
  reportExpired: 'Tautan laporan sudah kedaluwarsa pada {time}. Muat ulang halaman untuk mendapatkan tautan baru.',
  // Panggilan dengan agen suara.
  emotionsHeading: 'Emosi',
  callHeading: 'Ringkasan panggilan',
  callDuration: 'Durasi',
  callEndReason: 'Alasan berakhir',
  callOutcome: 'Hasil',
  callSentiment: 'Sentimen',
  callOverview: 'Ringkasan',
  callKeyTopics: 'Topik utama',
  callActionItems: 'Tindak lanjut',
  callTranscript: 'Transkrip',
  roleAssistant: 'Agen',
  roleUser: 'Pengguna',
  callEnded: 'Panggilan telah berakhir. Terima kasih.',
  callBusy: 'Saluran sedang sibuk, sehingga panggilan tidak terlaksana.',
  callNoAnswer: 'Panggilan tidak dijawab.',
  callCanceled: 'Panggilan dibatalkan.',
  callFailed: 'Panggilan tidak dapat diselesaikan.',
  // Mengikuti panggilan atau aktivitas.
  followWaiting: 'Menunggu hasil…',
  followStatus: 'Status: {status}',
  activityIntro:
    'Lanjutkan di aktivitas thymia. Biarkan halaman ini tetap terbuka — hasil Anda akan muncul di sini setelah Anda selesai.',
  activityOpen: 'Buka aktivitas',
  activityFrameTitle: 'Aktivitas thymia',
  activityUnavailable: 'Tautan aktivitas tidak tersedia. Silakan coba lagi nanti.',
  // History against the person's own baseline (history-url).
  historyHeading: 'Dibandingkan dengan biasanya',
  historyProgress: '{count} dari {total} sesi menuju patokan Anda',
  historyForming: 'Patokan Anda adalah tingkat Anda yang biasa, diambil dari {total} sesi pertama Anda. Setelah ada, setiap hasil ditampilkan terhadapnya.',
  historyLower: 'Lebih rendah dari biasanya',
  historyUsual: 'Seperti biasanya',
  historyHigher: 'Lebih tinggi dari biasanya',
  historyNote: 'Tingkat biasa Anda adalah nilai tengah dari {total} sesi pertama Anda. Satu hasil bisa berbeda dari hari ke hari; perubahan selama beberapa sesi lebih bermakna.',
  historyTableCaption: '{name}: sesi terakhir Anda',
  historySession: 'Sesi',
  historyReading: 'Hasil',
  historyUsualRow: 'Biasanya',
} as const satisfies Record<MessageId, string>;
