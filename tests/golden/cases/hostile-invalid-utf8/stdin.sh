# a Latin-1 byte (0xE9, e-acute) inside a text, as a file saved in Windows-1252 would have
printf 'instansi "Kecamatan Contoh" {\n    tahun 2024\n}\n\n'
printf 'sasaran S1 "Meningkatnya kualitas pelayanan" {\n'
printf '    indikator IKM "Indeks Kepuasan Masyarakat (caf\351)" {\n'
printf '        satuan "indeks"\n        polaritas positif\n        target 82\n        realisasi 83.63\n'
printf '        penanggung_jawab "Seksi Pelayanan"\n        sumber "SUKMA-E"\n    }\n}\n'
