{{/*
The objects of one component. Each define takes the component context
(dict "root" $ "name" <component> "c" <effective settings from portfolioos.component>).
*/}}

{{- define "portfolioos.component.configmap" -}}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "portfolioos.componentName" . }}
  labels:
    {{- include "portfolioos.labels" . | nindent 4 }}
data:
  {{- range $key, $value := .c.env }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
{{- end -}}

{{- define "portfolioos.component.serviceaccount" -}}
{{- if .c.serviceAccount.create }}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "portfolioos.componentName" . }}
  labels:
    {{- include "portfolioos.labels" . | nindent 4 }}
  {{- with .c.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: {{ .c.serviceAccount.automountToken }}
{{- end }}
{{- end -}}

{{- define "portfolioos.component.service" -}}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ include "portfolioos.componentName" . }}
  labels:
    {{- include "portfolioos.labels" . | nindent 4 }}
  {{- with .c.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ .c.service.type }}
  selector:
    {{- include "portfolioos.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .c.port }}
      targetPort: http
      protocol: TCP
{{- end -}}

{{- define "portfolioos.component.deployment" -}}
{{- $c := .c -}}
{{- $root := .root -}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "portfolioos.componentName" . }}
  labels:
    {{- include "portfolioos.labels" . | nindent 4 }}
spec:
  {{- if not $c.autoscaling.enabled }}
  replicas: {{ $c.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "portfolioos.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "portfolioos.selectorLabels" . | nindent 8 }}
        {{- with $c.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ toYaml $c.env | sha256sum }}
        {{- if $c.metricsAnnotations }}
        prometheus.io/scrape: "true"
        prometheus.io/port: {{ $c.port | quote }}
        prometheus.io/path: /metrics
        {{- end }}
        {{- with $c.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- with include "portfolioos.imagePullSecrets" $root | trim }}
      {{- . | nindent 6 }}
      {{- end }}
      {{- if $c.serviceAccount.create }}
      serviceAccountName: {{ include "portfolioos.componentName" . }}
      {{- end }}
      automountServiceAccountToken: {{ $c.serviceAccount.automountToken }}
      enableServiceLinks: false
      terminationGracePeriodSeconds: {{ $c.terminationGracePeriodSeconds }}
      {{- with $c.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      securityContext:
        {{- toYaml $c.podSecurityContext | nindent 8 }}
      {{- with $c.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $c.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $c.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if $c.topologySpread.enabled }}
      topologySpreadConstraints:
        {{- range $key := compact (list $c.topologySpread.nodeKey $c.topologySpread.zoneKey) }}
        - maxSkew: {{ $c.topologySpread.maxSkew }}
          topologyKey: {{ $key }}
          whenUnsatisfiable: {{ $c.topologySpread.whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "portfolioos.selectorLabels" $ | nindent 14 }}
        {{- end }}
      {{- end }}
      containers:
        - name: {{ .name }}
          image: {{ $c.imageRef | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          {{- with $c.command }}
          command:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with $c.args }}
          args:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          ports:
            - name: http
              containerPort: {{ $c.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "portfolioos.componentName" . }}
            {{- range $c.envFromConfigMaps }}
            - configMapRef:
                name: {{ . }}
            {{- end }}
            {{- range $c.envFromSecrets }}
            - secretRef:
                name: {{ . }}
            {{- end }}
          env:
            {{- include "portfolioos.baseEnv" . | nindent 12 }}
            {{- with include "portfolioos.secretEnv" . | trim }}
            {{- . | nindent 12 }}
            {{- end }}
          {{- with $c.probes.startup }}
          startupProbe:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with $c.probes.liveness }}
          livenessProbe:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with $c.probes.readiness }}
          readinessProbe:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          resources:
            {{- toYaml $c.resources | nindent 12 }}
          securityContext:
            {{- toYaml $c.securityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        {{- include "portfolioos.tmpVolume" . | nindent 8 }}
{{- end -}}

{{- define "portfolioos.component.hpa" -}}
{{- $a := .c.autoscaling -}}
{{- if $a.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "portfolioos.componentName" . }}
  labels:
    {{- include "portfolioos.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "portfolioos.componentName" . }}
  minReplicas: {{ $a.minReplicas }}
  maxReplicas: {{ $a.maxReplicas }}
  metrics:
    {{- if $a.targetCPUUtilizationPercentage }}
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $a.targetCPUUtilizationPercentage }}
    {{- end }}
    {{- if $a.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ $a.targetMemoryUtilizationPercentage }}
    {{- end }}
{{- end }}
{{- end -}}

{{- define "portfolioos.component.pdb" -}}
{{- if .c.podDisruptionBudget.enabled }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "portfolioos.componentName" . }}
  labels:
    {{- include "portfolioos.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ .c.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "portfolioos.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end -}}

{{- define "portfolioos.component.networkpolicy" -}}
{{- $np := .c.networkPolicy -}}
{{- if $np.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "portfolioos.componentName" . }}
  labels:
    {{- include "portfolioos.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "portfolioos.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress]
  ingress:
    - ports:
        - port: http
          protocol: TCP
      from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $np.ingressControllerNamespace }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/instance: {{ .root.Release.Name }}
        {{- range $np.allowFromNamespaces }}
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ . }}
        {{- end }}
{{- end }}
{{- end -}}

{{- define "portfolioos.component.migration" -}}
{{- $c := .c -}}
{{- $root := .root -}}
{{- if $c.migration.enabled }}
{{- $job := dict "root" $root "name" (printf "%s-migration" .name) }}
---
# Runs before the release's other objects exist, so it carries its env inline instead of using the
# component's ConfigMap and ServiceAccount.
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "portfolioos.componentName" . | trunc 55 | trimSuffix "-" }}-migrate
  labels:
    {{- include "portfolioos.labels" $job | nindent 4 }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "0"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ $c.migration.backoffLimit }}
  activeDeadlineSeconds: {{ $c.migration.activeDeadlineSeconds }}
  template:
    metadata:
      labels:
        {{- include "portfolioos.labels" $job | nindent 8 }}
    spec:
      restartPolicy: Never
      {{- with include "portfolioos.imagePullSecrets" $root | trim }}
      {{- . | nindent 6 }}
      {{- end }}
      automountServiceAccountToken: false
      enableServiceLinks: false
      securityContext:
        {{- toYaml $c.podSecurityContext | nindent 8 }}
      {{- with $c.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $c.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: migrate
          image: {{ $c.imageRef | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          command:
            {{- toYaml $c.migrationCommand | nindent 12 }}
          {{- if or $c.envFromSecrets $c.envFromConfigMaps }}
          envFrom:
            {{- range $c.envFromConfigMaps }}
            - configMapRef:
                name: {{ . }}
            {{- end }}
            {{- range $c.envFromSecrets }}
            - secretRef:
                name: {{ . }}
            {{- end }}
          {{- end }}
          env:
            {{- include "portfolioos.baseEnv" . | nindent 12 }}
            {{- range $key, $value := $c.env }}
            - name: {{ $key }}
              value: {{ $value | quote }}
            {{- end }}
            {{- with include "portfolioos.secretEnv" . | trim }}
            {{- . | nindent 12 }}
            {{- end }}
          resources:
            {{- toYaml $c.migration.resources | nindent 12 }}
          securityContext:
            {{- toYaml $c.securityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        {{- include "portfolioos.tmpVolume" . | nindent 8 }}
{{- end }}
{{- end -}}
