// A loose stand-in for the parts of UnityEngine and UnityEditor that common game code uses, so that corpus code
// binds well enough for the analyzers to see types. Compiled at run time by the corpus tool into an in-memory
// assembly named UnityEngine. It is not Unity's API: signatures are approximate, bodies do nothing.
#pragma warning disable
using System;
using System.Collections;
using System.Collections.Generic;

namespace UnityEngine
{
    public class Object
    {
        public string name { get; set; }
        public HideFlags hideFlags { get; set; }
        public int GetInstanceID() => 0;
        public static implicit operator bool(Object o) => o != null;
        public static T Instantiate<T>(T original) where T : Object => original;
        public static T Instantiate<T>(T original, Transform parent) where T : Object => original;
        public static T Instantiate<T>(T original, Transform parent, bool worldPositionStays) where T : Object => original;
        public static T Instantiate<T>(T original, Vector3 position, Quaternion rotation) where T : Object => original;
        public static T Instantiate<T>(T original, Vector3 position, Quaternion rotation, Transform parent) where T : Object => original;
        public static Object Instantiate(Object original) => original;
        public static Object Instantiate(Object original, Transform parent) => original;
        public static Object Instantiate(Object original, Vector3 position, Quaternion rotation) => original;
        public static Object Instantiate(Object original, Vector3 position, Quaternion rotation, Transform parent) => original;
        public static void Destroy(Object obj) { }
        public static void Destroy(Object obj, float t) { }
        public static void DestroyImmediate(Object obj) { }
        public static void DestroyImmediate(Object obj, bool allowDestroyingAssets) { }
        public static void DontDestroyOnLoad(Object target) { }
        public static T FindObjectOfType<T>() where T : Object => null;
        public static T FindObjectOfType<T>(bool includeInactive) where T : Object => null;
        public static T[] FindObjectsOfType<T>() where T : Object => null;
        public static T[] FindObjectsOfType<T>(bool includeInactive) where T : Object => null;
        public static T FindAnyObjectByType<T>() where T : Object => null;
        public static T FindFirstObjectByType<T>() where T : Object => null;
        public static T[] FindObjectsByType<T>(FindObjectsSortMode sortMode) where T : Object => null;
        public static Object FindObjectOfType(Type type) => null;
        public static Object[] FindObjectsOfType(Type type) => null;
    }

    public enum HideFlags { None = 0, HideInHierarchy = 1, HideInInspector = 2, DontSaveInEditor = 4, NotEditable = 8, DontSaveInBuild = 16, DontUnloadUnusedAsset = 32, DontSave = 52, HideAndDontSave = 61 }
    public enum FindObjectsSortMode { None, InstanceID }
    public enum SendMessageOptions { RequireReceiver, DontRequireReceiver }
    public enum Space { World, Self }
    public enum ForceMode { Force, Acceleration, Impulse, VelocityChange }
    public enum ForceMode2D { Force, Impulse }
    public enum QueryTriggerInteraction { UseGlobal, Ignore, Collide }
    public enum RuntimePlatform { OSXEditor, OSXPlayer, WindowsPlayer, WindowsEditor, IPhonePlayer, Android, LinuxPlayer, LinuxEditor, WebGLPlayer }
    public enum TextureFormat { Alpha8, ARGB32, RGB24, RGBA32, RGBAFloat, RGBAHalf }
    public enum FilterMode { Point, Bilinear, Trilinear }
    public enum TextureWrapMode { Repeat, Clamp, Mirror }
    public enum CursorLockMode { None, Locked, Confined }
    public enum TouchPhase { Began, Moved, Stationary, Ended, Canceled }

    public class Component : Object
    {
        public Transform transform { get; }
        public GameObject gameObject { get; }
        public string tag { get; set; }
        public T GetComponent<T>() => default;
        public Component GetComponent(Type type) => null;
        public Component GetComponent(string type) => null;
        public bool TryGetComponent<T>(out T component) { component = default; return false; }
        public T GetComponentInChildren<T>() => default;
        public T GetComponentInChildren<T>(bool includeInactive) => default;
        public T GetComponentInParent<T>() => default;
        public T GetComponentInParent<T>(bool includeInactive) => default;
        public T[] GetComponents<T>() => null;
        public void GetComponents<T>(List<T> results) { }
        public Component[] GetComponents(Type type) => null;
        public T[] GetComponentsInChildren<T>() => null;
        public T[] GetComponentsInChildren<T>(bool includeInactive) => null;
        public void GetComponentsInChildren<T>(List<T> results) { }
        public void GetComponentsInChildren<T>(bool includeInactive, List<T> result) { }
        public T[] GetComponentsInParent<T>() => null;
        public T[] GetComponentsInParent<T>(bool includeInactive) => null;
        public bool CompareTag(string tag) => false;
        public void SendMessage(string methodName) { }
        public void SendMessage(string methodName, object value) { }
        public void SendMessage(string methodName, object value, SendMessageOptions options) { }
        public void BroadcastMessage(string methodName) { }
        public void BroadcastMessage(string methodName, object parameter) { }
        public void SendMessageUpwards(string methodName, object value) { }
    }

    public class Behaviour : Component
    {
        public bool enabled { get; set; }
        public bool isActiveAndEnabled { get; }
    }

    public class MonoBehaviour : Behaviour
    {
        public bool useGUILayout { get; set; }
        public Coroutine StartCoroutine(IEnumerator routine) => null;
        public Coroutine StartCoroutine(string methodName) => null;
        public Coroutine StartCoroutine(string methodName, object value) => null;
        public void StopCoroutine(IEnumerator routine) { }
        public void StopCoroutine(Coroutine routine) { }
        public void StopCoroutine(string methodName) { }
        public void StopAllCoroutines() { }
        public void Invoke(string methodName, float time) { }
        public void InvokeRepeating(string methodName, float time, float repeatRate) { }
        public void CancelInvoke() { }
        public void CancelInvoke(string methodName) { }
        public bool IsInvoking(string methodName) => false;
        public static void print(object message) { }
    }

    public class ScriptableObject : Object
    {
        public static T CreateInstance<T>() where T : ScriptableObject => null;
        public static ScriptableObject CreateInstance(Type type) => null;
        public static ScriptableObject CreateInstance(string className) => null;
    }

    public sealed class GameObject : Object
    {
        public GameObject() { }
        public GameObject(string name) { }
        public GameObject(string name, params Type[] components) { }
        public Transform transform { get; }
        public GameObject gameObject => this;
        public int layer { get; set; }
        public bool activeSelf { get; }
        public bool activeInHierarchy { get; }
        public bool isStatic { get; set; }
        public string tag { get; set; }
        public SceneManagement.Scene scene { get; }
        public void SetActive(bool value) { }
        public T AddComponent<T>() where T : Component => null;
        public Component AddComponent(Type componentType) => null;
        public T GetComponent<T>() => default;
        public Component GetComponent(Type type) => null;
        public Component GetComponent(string type) => null;
        public bool TryGetComponent<T>(out T component) { component = default; return false; }
        public T GetComponentInChildren<T>() => default;
        public T GetComponentInChildren<T>(bool includeInactive) => default;
        public T GetComponentInParent<T>() => default;
        public T GetComponentInParent<T>(bool includeInactive) => default;
        public T[] GetComponents<T>() => null;
        public void GetComponents<T>(List<T> results) { }
        public Component[] GetComponents(Type type) => null;
        public T[] GetComponentsInChildren<T>() => null;
        public T[] GetComponentsInChildren<T>(bool includeInactive) => null;
        public void GetComponentsInChildren<T>(List<T> results) { }
        public void GetComponentsInChildren<T>(bool includeInactive, List<T> results) { }
        public T[] GetComponentsInParent<T>() => null;
        public T[] GetComponentsInParent<T>(bool includeInactive) => null;
        public bool CompareTag(string tag) => false;
        public void SendMessage(string methodName) { }
        public void SendMessage(string methodName, object value) { }
        public void SendMessage(string methodName, object value, SendMessageOptions options) { }
        public void BroadcastMessage(string methodName) { }
        public void BroadcastMessage(string methodName, object parameter) { }
        public static GameObject Find(string name) => null;
        public static GameObject FindWithTag(string tag) => null;
        public static GameObject FindGameObjectWithTag(string tag) => null;
        public static GameObject[] FindGameObjectsWithTag(string tag) => null;
        public static GameObject CreatePrimitive(PrimitiveType type) => null;
    }

    public enum PrimitiveType { Sphere, Capsule, Cylinder, Cube, Plane, Quad }

    public class Transform : Component, IEnumerable
    {
        public Vector3 position { get; set; }
        public Vector3 localPosition { get; set; }
        public Vector3 eulerAngles { get; set; }
        public Vector3 localEulerAngles { get; set; }
        public Quaternion rotation { get; set; }
        public Quaternion localRotation { get; set; }
        public Vector3 localScale { get; set; }
        public Vector3 lossyScale { get; }
        public Vector3 forward { get; set; }
        public Vector3 right { get; set; }
        public Vector3 up { get; set; }
        public Transform parent { get; set; }
        public Transform root { get; }
        public int childCount { get; }
        public Matrix4x4 localToWorldMatrix { get; }
        public Matrix4x4 worldToLocalMatrix { get; }
        public bool hasChanged { get; set; }
        public int GetSiblingIndex() => 0;
        public void SetSiblingIndex(int index) { }
        public void SetAsFirstSibling() { }
        public void SetAsLastSibling() { }
        public Transform GetChild(int index) => null;
        public Transform Find(string n) => null;
        public void SetParent(Transform p) { }
        public void SetParent(Transform p, bool worldPositionStays) { }
        public void SetPositionAndRotation(Vector3 position, Quaternion rotation) { }
        public void Translate(Vector3 translation) { }
        public void Translate(Vector3 translation, Space relativeTo) { }
        public void Translate(float x, float y, float z) { }
        public void Rotate(Vector3 eulers) { }
        public void Rotate(Vector3 eulers, Space relativeTo) { }
        public void Rotate(float x, float y, float z) { }
        public void Rotate(Vector3 axis, float angle) { }
        public void Rotate(Vector3 axis, float angle, Space relativeTo) { }
        public void RotateAround(Vector3 point, Vector3 axis, float angle) { }
        public void LookAt(Transform target) { }
        public void LookAt(Vector3 worldPosition) { }
        public void LookAt(Vector3 worldPosition, Vector3 worldUp) { }
        public Vector3 TransformPoint(Vector3 position) => position;
        public Vector3 TransformPoint(float x, float y, float z) => default;
        public Vector3 InverseTransformPoint(Vector3 position) => position;
        public Vector3 TransformDirection(Vector3 direction) => direction;
        public Vector3 InverseTransformDirection(Vector3 direction) => direction;
        public Vector3 TransformVector(Vector3 vector) => vector;
        public Vector3 InverseTransformVector(Vector3 vector) => vector;
        public bool IsChildOf(Transform parent) => false;
        public void DetachChildren() { }
        public IEnumerator GetEnumerator() => null;
    }

    public class RectTransform : Transform
    {
        public Vector2 anchoredPosition { get; set; }
        public Vector2 sizeDelta { get; set; }
        public Vector2 anchorMin { get; set; }
        public Vector2 anchorMax { get; set; }
        public Vector2 pivot { get; set; }
        public Vector2 offsetMin { get; set; }
        public Vector2 offsetMax { get; set; }
        public Rect rect { get; }
        public void GetWorldCorners(Vector3[] fourCornersArray) { }
        public void GetLocalCorners(Vector3[] fourCornersArray) { }
        public void SetSizeWithCurrentAnchors(Axis axis, float size) { }
        public enum Axis { Horizontal, Vertical }
    }

    public struct Vector2
    {
        public float x, y;
        public Vector2(float x, float y) { this.x = x; this.y = y; }
        public float this[int index] { get => 0; set { } }
        public static Vector2 zero => default;
        public static Vector2 one => default;
        public static Vector2 up => default;
        public static Vector2 down => default;
        public static Vector2 left => default;
        public static Vector2 right => default;
        public float magnitude => 0;
        public float sqrMagnitude => 0;
        public Vector2 normalized => this;
        public void Normalize() { }
        public void Set(float x, float y) { }
        public static float Distance(Vector2 a, Vector2 b) => 0;
        public static float Dot(Vector2 a, Vector2 b) => 0;
        public static float Angle(Vector2 a, Vector2 b) => 0;
        public static float SignedAngle(Vector2 a, Vector2 b) => 0;
        public static Vector2 Lerp(Vector2 a, Vector2 b, float t) => a;
        public static Vector2 LerpUnclamped(Vector2 a, Vector2 b, float t) => a;
        public static Vector2 MoveTowards(Vector2 a, Vector2 b, float d) => a;
        public static Vector2 Scale(Vector2 a, Vector2 b) => a;
        public static Vector2 Min(Vector2 a, Vector2 b) => a;
        public static Vector2 Max(Vector2 a, Vector2 b) => a;
        public static Vector2 ClampMagnitude(Vector2 v, float m) => v;
        public static Vector2 Perpendicular(Vector2 v) => v;
        public static Vector2 Reflect(Vector2 v, Vector2 n) => v;
        public static Vector2 SmoothDamp(Vector2 current, Vector2 target, ref Vector2 velocity, float smoothTime) => current;
        public static Vector2 operator +(Vector2 a, Vector2 b) => a;
        public static Vector2 operator -(Vector2 a, Vector2 b) => a;
        public static Vector2 operator -(Vector2 a) => a;
        public static Vector2 operator *(Vector2 a, float d) => a;
        public static Vector2 operator *(float d, Vector2 a) => a;
        public static Vector2 operator *(Vector2 a, Vector2 b) => a;
        public static Vector2 operator /(Vector2 a, float d) => a;
        public static Vector2 operator /(Vector2 a, Vector2 b) => a;
        public static bool operator ==(Vector2 a, Vector2 b) => true;
        public static bool operator !=(Vector2 a, Vector2 b) => false;
        public static implicit operator Vector3(Vector2 v) => default;
        public static implicit operator Vector2(Vector3 v) => default;
        public override bool Equals(object o) => false;
        public override int GetHashCode() => 0;
        public override string ToString() => "";
        public string ToString(string format) => "";
    }

    public struct Vector2Int
    {
        public int x, y;
        public Vector2Int(int x, int y) { this.x = x; this.y = y; }
        public static Vector2Int zero => default;
        public static Vector2Int one => default;
        public static Vector2Int up => default;
        public static Vector2Int down => default;
        public static Vector2Int left => default;
        public static Vector2Int right => default;
        public float magnitude => 0;
        public int sqrMagnitude => 0;
        public static float Distance(Vector2Int a, Vector2Int b) => 0;
        public static Vector2Int operator +(Vector2Int a, Vector2Int b) => a;
        public static Vector2Int operator -(Vector2Int a, Vector2Int b) => a;
        public static Vector2Int operator *(Vector2Int a, int b) => a;
        public static bool operator ==(Vector2Int a, Vector2Int b) => true;
        public static bool operator !=(Vector2Int a, Vector2Int b) => false;
        public static implicit operator Vector2(Vector2Int v) => default;
        public override bool Equals(object o) => false;
        public override int GetHashCode() => 0;
    }

    public struct Vector3Int
    {
        public int x, y, z;
        public Vector3Int(int x, int y, int z) { this.x = x; this.y = y; this.z = z; }
        public static Vector3Int zero => default;
        public static Vector3Int one => default;
        public static Vector3Int operator +(Vector3Int a, Vector3Int b) => a;
        public static Vector3Int operator -(Vector3Int a, Vector3Int b) => a;
        public static bool operator ==(Vector3Int a, Vector3Int b) => true;
        public static bool operator !=(Vector3Int a, Vector3Int b) => false;
        public static implicit operator Vector3(Vector3Int v) => default;
        public override bool Equals(object o) => false;
        public override int GetHashCode() => 0;
    }

    public struct Vector3
    {
        public float x, y, z;
        public Vector3(float x, float y, float z) { this.x = x; this.y = y; this.z = z; }
        public Vector3(float x, float y) { this.x = x; this.y = y; z = 0; }
        public float this[int index] { get => 0; set { } }
        public static Vector3 zero => default;
        public static Vector3 one => default;
        public static Vector3 up => default;
        public static Vector3 down => default;
        public static Vector3 left => default;
        public static Vector3 right => default;
        public static Vector3 forward => default;
        public static Vector3 back => default;
        public static Vector3 positiveInfinity => default;
        public static Vector3 negativeInfinity => default;
        public float magnitude => 0;
        public float sqrMagnitude => 0;
        public Vector3 normalized => this;
        public void Normalize() { }
        public void Set(float x, float y, float z) { }
        public static float Distance(Vector3 a, Vector3 b) => 0;
        public static float Dot(Vector3 a, Vector3 b) => 0;
        public static Vector3 Cross(Vector3 a, Vector3 b) => a;
        public static float Angle(Vector3 a, Vector3 b) => 0;
        public static float SignedAngle(Vector3 a, Vector3 b, Vector3 axis) => 0;
        public static float Magnitude(Vector3 v) => 0;
        public static float SqrMagnitude(Vector3 v) => 0;
        public static Vector3 Normalize(Vector3 v) => v;
        public static Vector3 Lerp(Vector3 a, Vector3 b, float t) => a;
        public static Vector3 LerpUnclamped(Vector3 a, Vector3 b, float t) => a;
        public static Vector3 Slerp(Vector3 a, Vector3 b, float t) => a;
        public static Vector3 MoveTowards(Vector3 a, Vector3 b, float d) => a;
        public static Vector3 RotateTowards(Vector3 a, Vector3 b, float r, float m) => a;
        public static Vector3 Scale(Vector3 a, Vector3 b) => a;
        public static Vector3 Min(Vector3 a, Vector3 b) => a;
        public static Vector3 Max(Vector3 a, Vector3 b) => a;
        public static Vector3 Project(Vector3 v, Vector3 n) => v;
        public static Vector3 ProjectOnPlane(Vector3 v, Vector3 n) => v;
        public static Vector3 Reflect(Vector3 v, Vector3 n) => v;
        public static Vector3 ClampMagnitude(Vector3 v, float m) => v;
        public static Vector3 SmoothDamp(Vector3 current, Vector3 target, ref Vector3 velocity, float smoothTime) => current;
        public static Vector3 SmoothDamp(Vector3 current, Vector3 target, ref Vector3 velocity, float smoothTime, float maxSpeed) => current;
        public static Vector3 SmoothDamp(Vector3 current, Vector3 target, ref Vector3 velocity, float smoothTime, float maxSpeed, float deltaTime) => current;
        public static Vector3 operator +(Vector3 a, Vector3 b) => a;
        public static Vector3 operator -(Vector3 a, Vector3 b) => a;
        public static Vector3 operator -(Vector3 a) => a;
        public static Vector3 operator *(Vector3 a, float d) => a;
        public static Vector3 operator *(float d, Vector3 a) => a;
        public static Vector3 operator /(Vector3 a, float d) => a;
        public static bool operator ==(Vector3 a, Vector3 b) => true;
        public static bool operator !=(Vector3 a, Vector3 b) => false;
        public override bool Equals(object o) => false;
        public override int GetHashCode() => 0;
        public override string ToString() => "";
        public string ToString(string format) => "";
    }

    public struct Vector4
    {
        public float x, y, z, w;
        public Vector4(float x, float y, float z, float w) { this.x = x; this.y = y; this.z = z; this.w = w; }
        public Vector4(float x, float y, float z) { this.x = x; this.y = y; this.z = z; w = 0; }
        public float this[int index] { get => 0; set { } }
        public static Vector4 zero => default;
        public static Vector4 one => default;
        public float magnitude => 0;
        public float sqrMagnitude => 0;
        public Vector4 normalized => this;
        public static float Dot(Vector4 a, Vector4 b) => 0;
        public static Vector4 Lerp(Vector4 a, Vector4 b, float t) => a;
        public static Vector4 operator +(Vector4 a, Vector4 b) => a;
        public static Vector4 operator -(Vector4 a, Vector4 b) => a;
        public static Vector4 operator *(Vector4 a, float d) => a;
        public static Vector4 operator *(float d, Vector4 a) => a;
        public static Vector4 operator /(Vector4 a, float d) => a;
        public static bool operator ==(Vector4 a, Vector4 b) => true;
        public static bool operator !=(Vector4 a, Vector4 b) => false;
        public static implicit operator Vector4(Vector3 v) => default;
        public static implicit operator Vector3(Vector4 v) => default;
        public static implicit operator Vector4(Vector2 v) => default;
        public override bool Equals(object o) => false;
        public override int GetHashCode() => 0;
    }

    public struct Quaternion
    {
        public float x, y, z, w;
        public Quaternion(float x, float y, float z, float w) { this.x = x; this.y = y; this.z = z; this.w = w; }
        public static Quaternion identity => default;
        public Vector3 eulerAngles { get; set; }
        public Quaternion normalized => this;
        public static Quaternion Euler(float x, float y, float z) => default;
        public static Quaternion Euler(Vector3 euler) => default;
        public static Quaternion AngleAxis(float angle, Vector3 axis) => default;
        public static Quaternion LookRotation(Vector3 forward) => default;
        public static Quaternion LookRotation(Vector3 forward, Vector3 upwards) => default;
        public static Quaternion FromToRotation(Vector3 from, Vector3 to) => default;
        public static Quaternion Lerp(Quaternion a, Quaternion b, float t) => a;
        public static Quaternion Slerp(Quaternion a, Quaternion b, float t) => a;
        public static Quaternion RotateTowards(Quaternion from, Quaternion to, float maxDegreesDelta) => from;
        public static Quaternion Inverse(Quaternion rotation) => rotation;
        public static float Angle(Quaternion a, Quaternion b) => 0;
        public static float Dot(Quaternion a, Quaternion b) => 0;
        public void ToAngleAxis(out float angle, out Vector3 axis) { angle = 0; axis = default; }
        public static Quaternion operator *(Quaternion a, Quaternion b) => a;
        public static Vector3 operator *(Quaternion rotation, Vector3 point) => point;
        public static bool operator ==(Quaternion a, Quaternion b) => true;
        public static bool operator !=(Quaternion a, Quaternion b) => false;
        public override bool Equals(object o) => false;
        public override int GetHashCode() => 0;
    }

    public struct Matrix4x4
    {
        public float m00, m01, m02, m03, m10, m11, m12, m13, m20, m21, m22, m23, m30, m31, m32, m33;
        public static Matrix4x4 identity => default;
        public static Matrix4x4 zero => default;
        public Matrix4x4 inverse => this;
        public Matrix4x4 transpose => this;
        public float this[int row, int column] { get => 0; set { } }
        public float this[int index] { get => 0; set { } }
        public static Matrix4x4 TRS(Vector3 pos, Quaternion q, Vector3 s) => default;
        public static Matrix4x4 Translate(Vector3 v) => default;
        public static Matrix4x4 Scale(Vector3 v) => default;
        public static Matrix4x4 Rotate(Quaternion q) => default;
        public static Matrix4x4 Ortho(float left, float right, float bottom, float top, float zNear, float zFar) => default;
        public static Matrix4x4 Perspective(float fov, float aspect, float zNear, float zFar) => default;
        public Vector3 MultiplyPoint(Vector3 point) => point;
        public Vector3 MultiplyPoint3x4(Vector3 point) => point;
        public Vector3 MultiplyVector(Vector3 vector) => vector;
        public Vector4 GetColumn(int index) => default;
        public Vector4 GetRow(int index) => default;
        public void SetColumn(int index, Vector4 column) { }
        public void SetRow(int index, Vector4 row) { }
        public static Matrix4x4 operator *(Matrix4x4 a, Matrix4x4 b) => a;
        public static Vector4 operator *(Matrix4x4 a, Vector4 v) => v;
    }

    public struct Color
    {
        public float r, g, b, a;
        public Color(float r, float g, float b, float a) { this.r = r; this.g = g; this.b = b; this.a = a; }
        public Color(float r, float g, float b) { this.r = r; this.g = g; this.b = b; a = 1; }
        public float this[int index] { get => 0; set { } }
        public static Color white => default;
        public static Color black => default;
        public static Color red => default;
        public static Color green => default;
        public static Color blue => default;
        public static Color yellow => default;
        public static Color cyan => default;
        public static Color magenta => default;
        public static Color gray => default;
        public static Color grey => default;
        public static Color clear => default;
        public float grayscale => 0;
        public float maxColorComponent => 0;
        public Color linear => this;
        public Color gamma => this;
        public static Color Lerp(Color a, Color b, float t) => a;
        public static Color LerpUnclamped(Color a, Color b, float t) => a;
        public static Color HSVToRGB(float h, float s, float v) => default;
        public static Color HSVToRGB(float h, float s, float v, bool hdr) => default;
        public static void RGBToHSV(Color rgb, out float h, out float s, out float v) { h = s = v = 0; }
        public static Color operator +(Color a, Color b) => a;
        public static Color operator -(Color a, Color b) => a;
        public static Color operator *(Color a, Color b) => a;
        public static Color operator *(Color a, float b) => a;
        public static Color operator *(float b, Color a) => a;
        public static Color operator /(Color a, float b) => a;
        public static bool operator ==(Color a, Color b) => true;
        public static bool operator !=(Color a, Color b) => false;
        public static implicit operator Vector4(Color c) => default;
        public static implicit operator Color(Vector4 v) => default;
        public override bool Equals(object o) => false;
        public override int GetHashCode() => 0;
    }

    public struct Color32
    {
        public byte r, g, b, a;
        public Color32(byte r, byte g, byte b, byte a) { this.r = r; this.g = g; this.b = b; this.a = a; }
        public static Color32 Lerp(Color32 a, Color32 b, float t) => a;
        public static implicit operator Color(Color32 c) => default;
        public static implicit operator Color32(Color c) => default;
    }

    public struct Rect
    {
        public Rect(float x, float y, float width, float height) { this.x = x; this.y = y; this.width = width; this.height = height; }
        public Rect(Vector2 position, Vector2 size) { x = y = width = height = 0; }
        public float x { get; set; }
        public float y { get; set; }
        public float width { get; set; }
        public float height { get; set; }
        public float xMin { get; set; }
        public float yMin { get; set; }
        public float xMax { get; set; }
        public float yMax { get; set; }
        public Vector2 position { get; set; }
        public Vector2 center { get; set; }
        public Vector2 size { get; set; }
        public Vector2 min { get; set; }
        public Vector2 max { get; set; }
        public static Rect zero => default;
        public bool Contains(Vector2 point) => false;
        public bool Contains(Vector3 point) => false;
        public bool Overlaps(Rect other) => false;
        public static Rect MinMaxRect(float xmin, float ymin, float xmax, float ymax) => default;
        public static bool operator ==(Rect a, Rect b) => true;
        public static bool operator !=(Rect a, Rect b) => false;
        public override bool Equals(object o) => false;
        public override int GetHashCode() => 0;
    }

    public struct RectInt
    {
        public RectInt(int x, int y, int width, int height) { this.x = x; this.y = y; this.width = width; this.height = height; }
        public int x { get; set; }
        public int y { get; set; }
        public int width { get; set; }
        public int height { get; set; }
    }

    public struct Bounds
    {
        public Bounds(Vector3 center, Vector3 size) { this.center = center; this.size = size; extents = min = max = default; }
        public Vector3 center { get; set; }
        public Vector3 size { get; set; }
        public Vector3 extents { get; set; }
        public Vector3 min { get; set; }
        public Vector3 max { get; set; }
        public void Encapsulate(Vector3 point) { }
        public void Encapsulate(Bounds bounds) { }
        public void Expand(float amount) { }
        public void Expand(Vector3 amount) { }
        public bool Contains(Vector3 point) => false;
        public bool Intersects(Bounds bounds) => false;
        public bool IntersectRay(Ray ray) => false;
        public bool IntersectRay(Ray ray, out float distance) { distance = 0; return false; }
        public Vector3 ClosestPoint(Vector3 point) => point;
        public float SqrDistance(Vector3 point) => 0;
        public void SetMinMax(Vector3 min, Vector3 max) { }
    }

    public struct Ray
    {
        public Ray(Vector3 origin, Vector3 direction) { this.origin = origin; this.direction = direction; }
        public Vector3 origin { get; set; }
        public Vector3 direction { get; set; }
        public Vector3 GetPoint(float distance) => default;
    }

    public struct Ray2D
    {
        public Ray2D(Vector2 origin, Vector2 direction) { this.origin = origin; this.direction = direction; }
        public Vector2 origin { get; set; }
        public Vector2 direction { get; set; }
    }

    public struct Plane
    {
        public Plane(Vector3 inNormal, Vector3 inPoint) { normal = inNormal; distance = 0; }
        public Plane(Vector3 inNormal, float d) { normal = inNormal; distance = d; }
        public Vector3 normal { get; set; }
        public float distance { get; set; }
        public bool Raycast(Ray ray, out float enter) { enter = 0; return false; }
        public float GetDistanceToPoint(Vector3 point) => 0;
        public bool GetSide(Vector3 point) => false;
        public Vector3 ClosestPointOnPlane(Vector3 point) => point;
    }

    public struct LayerMask
    {
        public int value { get; set; }
        public static implicit operator int(LayerMask mask) => 0;
        public static implicit operator LayerMask(int intVal) => default;
        public static int GetMask(params string[] layerNames) => 0;
        public static int NameToLayer(string layerName) => 0;
        public static string LayerToName(int layer) => "";
    }

    public struct RaycastHit
    {
        public Vector3 point { get; set; }
        public Vector3 normal { get; set; }
        public float distance { get; set; }
        public Collider collider { get; }
        public Rigidbody rigidbody { get; }
        public Transform transform { get; }
        public Vector2 textureCoord { get; }
        public int triangleIndex { get; }
        public Vector3 barycentricCoordinate { get; set; }
    }

    public struct RaycastHit2D
    {
        public Vector2 point { get; set; }
        public Vector2 normal { get; set; }
        public Vector2 centroid { get; set; }
        public float distance { get; set; }
        public float fraction { get; set; }
        public Collider2D collider { get; }
        public Rigidbody2D rigidbody { get; }
        public Transform transform { get; }
        public static implicit operator bool(RaycastHit2D hit) => false;
    }

    public struct ContactPoint
    {
        public Vector3 point { get; }
        public Vector3 normal { get; }
        public Collider thisCollider { get; }
        public Collider otherCollider { get; }
        public float separation { get; }
    }

    public struct ContactPoint2D
    {
        public Vector2 point { get; }
        public Vector2 normal { get; }
        public Collider2D collider { get; }
        public Collider2D otherCollider { get; }
    }

    public class Collision
    {
        public Collider collider { get; }
        public GameObject gameObject { get; }
        public Transform transform { get; }
        public Rigidbody rigidbody { get; }
        public Vector3 relativeVelocity { get; }
        public Vector3 impulse { get; }
        public ContactPoint[] contacts { get; }
        public int contactCount { get; }
        public ContactPoint GetContact(int index) => default;
        public int GetContacts(ContactPoint[] contacts) => 0;
    }

    public class Collision2D
    {
        public Collider2D collider { get; }
        public Collider2D otherCollider { get; }
        public GameObject gameObject { get; }
        public Transform transform { get; }
        public Rigidbody2D rigidbody { get; }
        public Vector2 relativeVelocity { get; }
        public ContactPoint2D[] contacts { get; }
        public int contactCount { get; }
        public ContactPoint2D GetContact(int index) => default;
        public int GetContacts(ContactPoint2D[] contacts) => 0;
    }

    public static class Mathf
    {
        public const float PI = 3.14159274f;
        public const float Infinity = float.PositiveInfinity;
        public const float NegativeInfinity = float.NegativeInfinity;
        public const float Deg2Rad = 0.0174532924f;
        public const float Rad2Deg = 57.29578f;
        public const float Epsilon = 1.401298E-45f;
        public static float Sin(float f) => 0;
        public static float Cos(float f) => 0;
        public static float Tan(float f) => 0;
        public static float Asin(float f) => 0;
        public static float Acos(float f) => 0;
        public static float Atan(float f) => 0;
        public static float Atan2(float y, float x) => 0;
        public static float Sqrt(float f) => 0;
        public static float Abs(float f) => 0;
        public static int Abs(int value) => 0;
        public static float Min(float a, float b) => 0;
        public static float Min(params float[] values) => 0;
        public static int Min(int a, int b) => 0;
        public static int Min(params int[] values) => 0;
        public static float Max(float a, float b) => 0;
        public static float Max(params float[] values) => 0;
        public static int Max(int a, int b) => 0;
        public static int Max(params int[] values) => 0;
        public static float Pow(float f, float p) => 0;
        public static float Exp(float power) => 0;
        public static float Log(float f, float p) => 0;
        public static float Log(float f) => 0;
        public static float Log10(float f) => 0;
        public static float Ceil(float f) => 0;
        public static float Floor(float f) => 0;
        public static float Round(float f) => 0;
        public static int CeilToInt(float f) => 0;
        public static int FloorToInt(float f) => 0;
        public static int RoundToInt(float f) => 0;
        public static float Sign(float f) => 0;
        public static float Clamp(float value, float min, float max) => 0;
        public static int Clamp(int value, int min, int max) => 0;
        public static float Clamp01(float value) => 0;
        public static float Lerp(float a, float b, float t) => 0;
        public static float LerpUnclamped(float a, float b, float t) => 0;
        public static float LerpAngle(float a, float b, float t) => 0;
        public static float InverseLerp(float a, float b, float value) => 0;
        public static float MoveTowards(float current, float target, float maxDelta) => 0;
        public static float MoveTowardsAngle(float current, float target, float maxDelta) => 0;
        public static float SmoothStep(float from, float to, float t) => 0;
        public static float SmoothDamp(float current, float target, ref float currentVelocity, float smoothTime) => 0;
        public static float SmoothDamp(float current, float target, ref float currentVelocity, float smoothTime, float maxSpeed) => 0;
        public static float SmoothDamp(float current, float target, ref float currentVelocity, float smoothTime, float maxSpeed, float deltaTime) => 0;
        public static float SmoothDampAngle(float current, float target, ref float currentVelocity, float smoothTime) => 0;
        public static float Repeat(float t, float length) => 0;
        public static float PingPong(float t, float length) => 0;
        public static float DeltaAngle(float current, float target) => 0;
        public static bool Approximately(float a, float b) => false;
        public static float PerlinNoise(float x, float y) => 0;
        public static bool IsPowerOfTwo(int value) => false;
        public static int NextPowerOfTwo(int value) => 0;
        public static int ClosestPowerOfTwo(int value) => 0;
        public static float GammaToLinearSpace(float value) => 0;
        public static float LinearToGammaSpace(float value) => 0;
    }

    public static class Time
    {
        public static float time { get; }
        public static double timeAsDouble { get; }
        public static float deltaTime { get; }
        public static float unscaledDeltaTime { get; }
        public static float unscaledTime { get; }
        public static float fixedDeltaTime { get; set; }
        public static float fixedTime { get; }
        public static float fixedUnscaledDeltaTime { get; }
        public static float smoothDeltaTime { get; }
        public static float timeScale { get; set; }
        public static int frameCount { get; }
        public static float realtimeSinceStartup { get; }
        public static double realtimeSinceStartupAsDouble { get; }
        public static float timeSinceLevelLoad { get; }
        public static float maximumDeltaTime { get; set; }
    }

    public static class Debug
    {
        public static bool isDebugBuild { get; }
        public static void Log(object message) { }
        public static void Log(object message, Object context) { }
        public static void LogFormat(string format, params object[] args) { }
        public static void LogWarning(object message) { }
        public static void LogWarning(object message, Object context) { }
        public static void LogWarningFormat(string format, params object[] args) { }
        public static void LogError(object message) { }
        public static void LogError(object message, Object context) { }
        public static void LogErrorFormat(string format, params object[] args) { }
        public static void LogException(Exception exception) { }
        public static void LogException(Exception exception, Object context) { }
        public static void LogAssertion(object message) { }
        public static void Assert(bool condition) { }
        public static void Assert(bool condition, object message) { }
        public static void Assert(bool condition, string message) { }
        public static void DrawLine(Vector3 start, Vector3 end) { }
        public static void DrawLine(Vector3 start, Vector3 end, Color color) { }
        public static void DrawLine(Vector3 start, Vector3 end, Color color, float duration) { }
        public static void DrawLine(Vector3 start, Vector3 end, Color color, float duration, bool depthTest) { }
        public static void DrawRay(Vector3 start, Vector3 dir) { }
        public static void DrawRay(Vector3 start, Vector3 dir, Color color) { }
        public static void DrawRay(Vector3 start, Vector3 dir, Color color, float duration) { }
        public static void Break() { }
    }

    public static class Gizmos
    {
        public static Color color { get; set; }
        public static Matrix4x4 matrix { get; set; }
        public static void DrawLine(Vector3 from, Vector3 to) { }
        public static void DrawRay(Vector3 from, Vector3 direction) { }
        public static void DrawRay(Ray r) { }
        public static void DrawSphere(Vector3 center, float radius) { }
        public static void DrawWireSphere(Vector3 center, float radius) { }
        public static void DrawCube(Vector3 center, Vector3 size) { }
        public static void DrawWireCube(Vector3 center, Vector3 size) { }
        public static void DrawIcon(Vector3 center, string name) { }
        public static void DrawMesh(Mesh mesh, Vector3 position, Quaternion rotation) { }
        public static void DrawWireMesh(Mesh mesh, Vector3 position, Quaternion rotation, Vector3 scale) { }
    }

    public static class Physics
    {
        public const int DefaultRaycastLayers = -5;
        public const int AllLayers = -1;
        public const int IgnoreRaycastLayer = 4;
        public static Vector3 gravity { get; set; }
        public static bool queriesHitTriggers { get; set; }
        public static bool Raycast(Vector3 origin, Vector3 direction) => false;
        public static bool Raycast(Vector3 origin, Vector3 direction, float maxDistance) => false;
        public static bool Raycast(Vector3 origin, Vector3 direction, float maxDistance, int layerMask) => false;
        public static bool Raycast(Vector3 origin, Vector3 direction, out RaycastHit hitInfo) { hitInfo = default; return false; }
        public static bool Raycast(Vector3 origin, Vector3 direction, out RaycastHit hitInfo, float maxDistance) { hitInfo = default; return false; }
        public static bool Raycast(Vector3 origin, Vector3 direction, out RaycastHit hitInfo, float maxDistance, int layerMask) { hitInfo = default; return false; }
        public static bool Raycast(Vector3 origin, Vector3 direction, out RaycastHit hitInfo, float maxDistance, int layerMask, QueryTriggerInteraction q) { hitInfo = default; return false; }
        public static bool Raycast(Ray ray) => false;
        public static bool Raycast(Ray ray, float maxDistance) => false;
        public static bool Raycast(Ray ray, float maxDistance, int layerMask) => false;
        public static bool Raycast(Ray ray, out RaycastHit hitInfo) { hitInfo = default; return false; }
        public static bool Raycast(Ray ray, out RaycastHit hitInfo, float maxDistance) { hitInfo = default; return false; }
        public static bool Raycast(Ray ray, out RaycastHit hitInfo, float maxDistance, int layerMask) { hitInfo = default; return false; }
        public static bool Raycast(Ray ray, out RaycastHit hitInfo, float maxDistance, int layerMask, QueryTriggerInteraction q) { hitInfo = default; return false; }
        public static RaycastHit[] RaycastAll(Ray ray) => null;
        public static RaycastHit[] RaycastAll(Ray ray, float maxDistance) => null;
        public static RaycastHit[] RaycastAll(Ray ray, float maxDistance, int layerMask) => null;
        public static RaycastHit[] RaycastAll(Vector3 origin, Vector3 direction) => null;
        public static RaycastHit[] RaycastAll(Vector3 origin, Vector3 direction, float maxDistance) => null;
        public static RaycastHit[] RaycastAll(Vector3 origin, Vector3 direction, float maxDistance, int layerMask) => null;
        public static int RaycastNonAlloc(Ray ray, RaycastHit[] results) => 0;
        public static int RaycastNonAlloc(Ray ray, RaycastHit[] results, float maxDistance) => 0;
        public static int RaycastNonAlloc(Ray ray, RaycastHit[] results, float maxDistance, int layerMask) => 0;
        public static int RaycastNonAlloc(Vector3 origin, Vector3 direction, RaycastHit[] results) => 0;
        public static int RaycastNonAlloc(Vector3 origin, Vector3 direction, RaycastHit[] results, float maxDistance) => 0;
        public static int RaycastNonAlloc(Vector3 origin, Vector3 direction, RaycastHit[] results, float maxDistance, int layerMask) => 0;
        public static bool Linecast(Vector3 start, Vector3 end) => false;
        public static bool Linecast(Vector3 start, Vector3 end, int layerMask) => false;
        public static bool Linecast(Vector3 start, Vector3 end, out RaycastHit hitInfo) { hitInfo = default; return false; }
        public static bool Linecast(Vector3 start, Vector3 end, out RaycastHit hitInfo, int layerMask) { hitInfo = default; return false; }
        public static bool SphereCast(Vector3 origin, float radius, Vector3 direction, out RaycastHit hitInfo) { hitInfo = default; return false; }
        public static bool SphereCast(Vector3 origin, float radius, Vector3 direction, out RaycastHit hitInfo, float maxDistance) { hitInfo = default; return false; }
        public static bool SphereCast(Vector3 origin, float radius, Vector3 direction, out RaycastHit hitInfo, float maxDistance, int layerMask) { hitInfo = default; return false; }
        public static bool SphereCast(Ray ray, float radius, out RaycastHit hitInfo, float maxDistance) { hitInfo = default; return false; }
        public static bool SphereCast(Ray ray, float radius, out RaycastHit hitInfo, float maxDistance, int layerMask) { hitInfo = default; return false; }
        public static RaycastHit[] SphereCastAll(Vector3 origin, float radius, Vector3 direction, float maxDistance) => null;
        public static RaycastHit[] SphereCastAll(Vector3 origin, float radius, Vector3 direction, float maxDistance, int layerMask) => null;
        public static RaycastHit[] SphereCastAll(Ray ray, float radius, float maxDistance, int layerMask) => null;
        public static int SphereCastNonAlloc(Vector3 origin, float radius, Vector3 direction, RaycastHit[] results, float maxDistance, int layerMask) => 0;
        public static bool CapsuleCast(Vector3 point1, Vector3 point2, float radius, Vector3 direction, out RaycastHit hitInfo, float maxDistance, int layerMask) { hitInfo = default; return false; }
        public static RaycastHit[] CapsuleCastAll(Vector3 point1, Vector3 point2, float radius, Vector3 direction, float maxDistance, int layerMask) => null;
        public static bool BoxCast(Vector3 center, Vector3 halfExtents, Vector3 direction, out RaycastHit hitInfo, Quaternion orientation, float maxDistance, int layerMask) { hitInfo = default; return false; }
        public static RaycastHit[] BoxCastAll(Vector3 center, Vector3 halfExtents, Vector3 direction, Quaternion orientation, float maxDistance, int layerMask) => null;
        public static Collider[] OverlapSphere(Vector3 position, float radius) => null;
        public static Collider[] OverlapSphere(Vector3 position, float radius, int layerMask) => null;
        public static Collider[] OverlapSphere(Vector3 position, float radius, int layerMask, QueryTriggerInteraction q) => null;
        public static int OverlapSphereNonAlloc(Vector3 position, float radius, Collider[] results) => 0;
        public static int OverlapSphereNonAlloc(Vector3 position, float radius, Collider[] results, int layerMask) => 0;
        public static int OverlapSphereNonAlloc(Vector3 position, float radius, Collider[] results, int layerMask, QueryTriggerInteraction q) => 0;
        public static Collider[] OverlapBox(Vector3 center, Vector3 halfExtents) => null;
        public static Collider[] OverlapBox(Vector3 center, Vector3 halfExtents, Quaternion orientation) => null;
        public static Collider[] OverlapBox(Vector3 center, Vector3 halfExtents, Quaternion orientation, int layerMask) => null;
        public static int OverlapBoxNonAlloc(Vector3 center, Vector3 halfExtents, Collider[] results, Quaternion orientation, int layerMask) => 0;
        public static Collider[] OverlapCapsule(Vector3 point0, Vector3 point1, float radius, int layerMask) => null;
        public static int OverlapCapsuleNonAlloc(Vector3 point0, Vector3 point1, float radius, Collider[] results, int layerMask) => 0;
        public static bool CheckSphere(Vector3 position, float radius) => false;
        public static bool CheckSphere(Vector3 position, float radius, int layerMask) => false;
        public static bool CheckBox(Vector3 center, Vector3 halfExtents) => false;
        public static bool CheckCapsule(Vector3 start, Vector3 end, float radius, int layerMask) => false;
        public static void IgnoreCollision(Collider a, Collider b) { }
        public static void IgnoreCollision(Collider a, Collider b, bool ignore) { }
        public static void IgnoreLayerCollision(int layer1, int layer2, bool ignore) { }
        public static bool GetIgnoreLayerCollision(int layer1, int layer2) => false;
        public static void SyncTransforms() { }
    }

    public struct ContactFilter2D
    {
        public bool useTriggers;
        public LayerMask layerMask;
        public bool useLayerMask;
        public ContactFilter2D NoFilter() => this;
        public void SetLayerMask(LayerMask layerMask) { }
    }

    public static class Physics2D
    {
        public const int DefaultRaycastLayers = -5;
        public const int AllLayers = -1;
        public static Vector2 gravity { get; set; }
        public static bool queriesHitTriggers { get; set; }
        public static RaycastHit2D Raycast(Vector2 origin, Vector2 direction) => default;
        public static RaycastHit2D Raycast(Vector2 origin, Vector2 direction, float distance) => default;
        public static RaycastHit2D Raycast(Vector2 origin, Vector2 direction, float distance, int layerMask) => default;
        public static RaycastHit2D Raycast(Vector2 origin, Vector2 direction, float distance, int layerMask, float minDepth) => default;
        public static int Raycast(Vector2 origin, Vector2 direction, ContactFilter2D contactFilter, RaycastHit2D[] results) => 0;
        public static int Raycast(Vector2 origin, Vector2 direction, ContactFilter2D contactFilter, RaycastHit2D[] results, float distance) => 0;
        public static RaycastHit2D[] RaycastAll(Vector2 origin, Vector2 direction) => null;
        public static RaycastHit2D[] RaycastAll(Vector2 origin, Vector2 direction, float distance) => null;
        public static RaycastHit2D[] RaycastAll(Vector2 origin, Vector2 direction, float distance, int layerMask) => null;
        public static int RaycastNonAlloc(Vector2 origin, Vector2 direction, RaycastHit2D[] results) => 0;
        public static int RaycastNonAlloc(Vector2 origin, Vector2 direction, RaycastHit2D[] results, float distance) => 0;
        public static int RaycastNonAlloc(Vector2 origin, Vector2 direction, RaycastHit2D[] results, float distance, int layerMask) => 0;
        public static RaycastHit2D Linecast(Vector2 start, Vector2 end) => default;
        public static RaycastHit2D Linecast(Vector2 start, Vector2 end, int layerMask) => default;
        public static RaycastHit2D[] LinecastAll(Vector2 start, Vector2 end) => null;
        public static RaycastHit2D[] LinecastAll(Vector2 start, Vector2 end, int layerMask) => null;
        public static int LinecastNonAlloc(Vector2 start, Vector2 end, RaycastHit2D[] results) => 0;
        public static RaycastHit2D CircleCast(Vector2 origin, float radius, Vector2 direction) => default;
        public static RaycastHit2D CircleCast(Vector2 origin, float radius, Vector2 direction, float distance) => default;
        public static RaycastHit2D CircleCast(Vector2 origin, float radius, Vector2 direction, float distance, int layerMask) => default;
        public static RaycastHit2D[] CircleCastAll(Vector2 origin, float radius, Vector2 direction, float distance, int layerMask) => null;
        public static RaycastHit2D BoxCast(Vector2 origin, Vector2 size, float angle, Vector2 direction) => default;
        public static RaycastHit2D BoxCast(Vector2 origin, Vector2 size, float angle, Vector2 direction, float distance) => default;
        public static RaycastHit2D BoxCast(Vector2 origin, Vector2 size, float angle, Vector2 direction, float distance, int layerMask) => default;
        public static RaycastHit2D[] BoxCastAll(Vector2 origin, Vector2 size, float angle, Vector2 direction, float distance, int layerMask) => null;
        public static Collider2D OverlapCircle(Vector2 point, float radius) => null;
        public static Collider2D OverlapCircle(Vector2 point, float radius, int layerMask) => null;
        public static Collider2D[] OverlapCircleAll(Vector2 point, float radius) => null;
        public static Collider2D[] OverlapCircleAll(Vector2 point, float radius, int layerMask) => null;
        public static int OverlapCircleNonAlloc(Vector2 point, float radius, Collider2D[] results) => 0;
        public static int OverlapCircleNonAlloc(Vector2 point, float radius, Collider2D[] results, int layerMask) => 0;
        public static Collider2D OverlapBox(Vector2 point, Vector2 size, float angle) => null;
        public static Collider2D OverlapBox(Vector2 point, Vector2 size, float angle, int layerMask) => null;
        public static Collider2D[] OverlapBoxAll(Vector2 point, Vector2 size, float angle) => null;
        public static Collider2D[] OverlapBoxAll(Vector2 point, Vector2 size, float angle, int layerMask) => null;
        public static int OverlapBoxNonAlloc(Vector2 point, Vector2 size, float angle, Collider2D[] results) => 0;
        public static int OverlapBoxNonAlloc(Vector2 point, Vector2 size, float angle, Collider2D[] results, int layerMask) => 0;
        public static Collider2D OverlapPoint(Vector2 point) => null;
        public static Collider2D OverlapPoint(Vector2 point, int layerMask) => null;
        public static Collider2D[] OverlapPointAll(Vector2 point) => null;
        public static Collider2D[] OverlapAreaAll(Vector2 pointA, Vector2 pointB) => null;
        public static void IgnoreCollision(Collider2D a, Collider2D b) { }
        public static void IgnoreCollision(Collider2D a, Collider2D b, bool ignore) { }
        public static void IgnoreLayerCollision(int layer1, int layer2, bool ignore) { }
    }

    public class Collider : Component
    {
        public bool enabled { get; set; }
        public bool isTrigger { get; set; }
        public Bounds bounds { get; }
        public Rigidbody attachedRigidbody { get; }
        public PhysicsMaterial material { get; set; }
        public PhysicsMaterial sharedMaterial { get; set; }
        public Vector3 ClosestPoint(Vector3 position) => position;
        public Vector3 ClosestPointOnBounds(Vector3 position) => position;
        public bool Raycast(Ray ray, out RaycastHit hitInfo, float maxDistance) { hitInfo = default; return false; }
    }

    public class PhysicsMaterial : Object { public float bounciness { get; set; } public float dynamicFriction { get; set; } public float staticFriction { get; set; } }
    public class PhysicMaterial : PhysicsMaterial { }
    public class PhysicsMaterial2D : Object { public float bounciness { get; set; } public float friction { get; set; } }
    public class BoxCollider : Collider { public Vector3 center { get; set; } public Vector3 size { get; set; } }
    public class SphereCollider : Collider { public Vector3 center { get; set; } public float radius { get; set; } }
    public class CapsuleCollider : Collider { public Vector3 center { get; set; } public float radius { get; set; } public float height { get; set; } public int direction { get; set; } }
    public class MeshCollider : Collider { public Mesh sharedMesh { get; set; } public bool convex { get; set; } }
    public class CharacterController : Collider
    {
        public bool isGrounded { get; }
        public Vector3 velocity { get; }
        public float height { get; set; }
        public float radius { get; set; }
        public Vector3 center { get; set; }
        public float stepOffset { get; set; }
        public float slopeLimit { get; set; }
        public CollisionFlags Move(Vector3 motion) => default;
        public bool SimpleMove(Vector3 speed) => false;
    }

    public enum CollisionFlags { None = 0, Sides = 1, Above = 2, Below = 4 }

    public class Collider2D : Behaviour
    {
        public bool isTrigger { get; set; }
        public Bounds bounds { get; }
        public Vector2 offset { get; set; }
        public Rigidbody2D attachedRigidbody { get; }
        public bool OverlapPoint(Vector2 point) => false;
        public bool IsTouching(Collider2D collider) => false;
        public bool IsTouchingLayers(int layerMask) => false;
        public int OverlapCollider(ContactFilter2D contactFilter, Collider2D[] results) => 0;
        public int GetContacts(ContactPoint2D[] contacts) => 0;
        public Vector2 ClosestPoint(Vector2 position) => position;
    }

    public class BoxCollider2D : Collider2D { public Vector2 size { get; set; } }
    public class CircleCollider2D : Collider2D { public float radius { get; set; } }
    public class PolygonCollider2D : Collider2D { public Vector2[] points { get; set; } public int pathCount { get; set; } public Vector2[] GetPath(int index) => null; public void SetPath(int index, Vector2[] points) { } }
    public class EdgeCollider2D : Collider2D { public Vector2[] points { get; set; } }
    public class CapsuleCollider2D : Collider2D { public Vector2 size { get; set; } }

    public enum RigidbodyConstraints { None = 0, FreezePositionX = 2, FreezePositionY = 4, FreezePositionZ = 8, FreezeRotationX = 16, FreezeRotationY = 32, FreezeRotationZ = 64, FreezePosition = 14, FreezeRotation = 112, FreezeAll = 126 }
    public enum RigidbodyInterpolation { None, Interpolate, Extrapolate }
    public enum RigidbodyType2D { Dynamic, Kinematic, Static }
    public enum CollisionDetectionMode { Discrete, Continuous, ContinuousDynamic, ContinuousSpeculative }

    public class Rigidbody : Component
    {
        public Vector3 velocity { get; set; }
        public Vector3 linearVelocity { get; set; }
        public Vector3 angularVelocity { get; set; }
        public float mass { get; set; }
        public float drag { get; set; }
        public float angularDrag { get; set; }
        public bool useGravity { get; set; }
        public bool isKinematic { get; set; }
        public bool detectCollisions { get; set; }
        public bool freezeRotation { get; set; }
        public Vector3 position { get; set; }
        public Quaternion rotation { get; set; }
        public Vector3 centerOfMass { get; set; }
        public Vector3 worldCenterOfMass { get; }
        public float maxAngularVelocity { get; set; }
        public RigidbodyConstraints constraints { get; set; }
        public RigidbodyInterpolation interpolation { get; set; }
        public CollisionDetectionMode collisionDetectionMode { get; set; }
        public void AddForce(Vector3 force) { }
        public void AddForce(Vector3 force, ForceMode mode) { }
        public void AddForce(float x, float y, float z) { }
        public void AddRelativeForce(Vector3 force) { }
        public void AddRelativeForce(Vector3 force, ForceMode mode) { }
        public void AddTorque(Vector3 torque) { }
        public void AddTorque(Vector3 torque, ForceMode mode) { }
        public void AddRelativeTorque(Vector3 torque) { }
        public void AddRelativeTorque(Vector3 torque, ForceMode mode) { }
        public void AddForceAtPosition(Vector3 force, Vector3 position) { }
        public void AddForceAtPosition(Vector3 force, Vector3 position, ForceMode mode) { }
        public void AddExplosionForce(float explosionForce, Vector3 explosionPosition, float explosionRadius) { }
        public void AddExplosionForce(float explosionForce, Vector3 explosionPosition, float explosionRadius, float upwardsModifier) { }
        public void MovePosition(Vector3 position) { }
        public void MoveRotation(Quaternion rot) { }
        public void Sleep() { }
        public void WakeUp() { }
        public bool IsSleeping() => false;
        public Vector3 GetPointVelocity(Vector3 worldPoint) => worldPoint;
        public bool SweepTest(Vector3 direction, out RaycastHit hitInfo, float maxDistance) { hitInfo = default; return false; }
        public RaycastHit[] SweepTestAll(Vector3 direction, float maxDistance) => null;
    }

    public class Rigidbody2D : Component
    {
        public Vector2 velocity { get; set; }
        public Vector2 linearVelocity { get; set; }
        public float angularVelocity { get; set; }
        public float mass { get; set; }
        public float drag { get; set; }
        public float gravityScale { get; set; }
        public bool isKinematic { get; set; }
        public bool simulated { get; set; }
        public bool freezeRotation { get; set; }
        public Vector2 position { get; set; }
        public float rotation { get; set; }
        public RigidbodyType2D bodyType { get; set; }
        public void AddForce(Vector2 force) { }
        public void AddForce(Vector2 force, ForceMode2D mode) { }
        public void AddRelativeForce(Vector2 force) { }
        public void AddTorque(float torque) { }
        public void AddTorque(float torque, ForceMode2D mode) { }
        public void AddForceAtPosition(Vector2 force, Vector2 position) { }
        public void MovePosition(Vector2 position) { }
        public void MoveRotation(float angle) { }
        public bool IsTouching(Collider2D collider) => false;
        public bool IsTouchingLayers(int layerMask) => false;
        public int Cast(Vector2 direction, RaycastHit2D[] results, float distance) => 0;
        public int GetContacts(ContactPoint2D[] contacts) => 0;
        public void Sleep() { }
        public void WakeUp() { }
    }

    public enum CameraClearFlags { Skybox = 1, Color = 2, SolidColor = 2, Depth = 3, Nothing = 4 }

    public class Camera : Behaviour
    {
        public static Camera main { get; }
        public static Camera current { get; }
        public static Camera[] allCameras { get; }
        public static int allCamerasCount { get; }
        public static int GetAllCameras(Camera[] cameras) => 0;
        public float fieldOfView { get; set; }
        public float orthographicSize { get; set; }
        public bool orthographic { get; set; }
        public float nearClipPlane { get; set; }
        public float farClipPlane { get; set; }
        public float aspect { get; set; }
        public float depth { get; set; }
        public int cullingMask { get; set; }
        public Color backgroundColor { get; set; }
        public CameraClearFlags clearFlags { get; set; }
        public Rect rect { get; set; }
        public Rect pixelRect { get; set; }
        public int pixelWidth { get; }
        public int pixelHeight { get; }
        public RenderTexture targetTexture { get; set; }
        public Matrix4x4 projectionMatrix { get; set; }
        public Matrix4x4 worldToCameraMatrix { get; set; }
        public Matrix4x4 cameraToWorldMatrix { get; }
        public Vector3 WorldToScreenPoint(Vector3 position) => position;
        public Vector3 WorldToViewportPoint(Vector3 position) => position;
        public Vector3 ScreenToWorldPoint(Vector3 position) => position;
        public Vector3 ScreenToViewportPoint(Vector3 position) => position;
        public Vector3 ViewportToWorldPoint(Vector3 position) => position;
        public Vector3 ViewportToScreenPoint(Vector3 position) => position;
        public Ray ScreenPointToRay(Vector3 pos) => default;
        public Ray ViewportPointToRay(Vector3 pos) => default;
        public void Render() { }
    }

    public struct Touch
    {
        public int fingerId { get; set; }
        public Vector2 position { get; set; }
        public Vector2 deltaPosition { get; set; }
        public float deltaTime { get; set; }
        public int tapCount { get; set; }
        public TouchPhase phase { get; set; }
    }

    public static class Input
    {
        public static Vector3 mousePosition { get; }
        public static Vector2 mouseScrollDelta { get; }
        public static bool anyKey { get; }
        public static bool anyKeyDown { get; }
        public static string inputString { get; }
        public static int touchCount { get; }
        public static Touch[] touches { get; }
        public static bool touchSupported { get; }
        public static bool mousePresent { get; }
        public static Vector3 acceleration { get; }
        public static bool multiTouchEnabled { get; set; }
        public static Touch GetTouch(int index) => default;
        public static float GetAxis(string axisName) => 0;
        public static float GetAxisRaw(string axisName) => 0;
        public static bool GetButton(string buttonName) => false;
        public static bool GetButtonDown(string buttonName) => false;
        public static bool GetButtonUp(string buttonName) => false;
        public static bool GetKey(KeyCode key) => false;
        public static bool GetKey(string name) => false;
        public static bool GetKeyDown(KeyCode key) => false;
        public static bool GetKeyDown(string name) => false;
        public static bool GetKeyUp(KeyCode key) => false;
        public static bool GetKeyUp(string name) => false;
        public static bool GetMouseButton(int button) => false;
        public static bool GetMouseButtonDown(int button) => false;
        public static bool GetMouseButtonUp(int button) => false;
        public static string[] GetJoystickNames() => null;
        public static void ResetInputAxes() { }
    }

    public enum KeyCode
    {
        None = 0, Backspace = 8, Tab = 9, Clear = 12, Return = 13, Pause = 19, Escape = 27, Space = 32,
        Exclaim, DoubleQuote, Hash, Dollar, Percent, Ampersand, Quote, LeftParen, RightParen, Asterisk, Plus, Comma, Minus, Period, Slash,
        Alpha0 = 48, Alpha1, Alpha2, Alpha3, Alpha4, Alpha5, Alpha6, Alpha7, Alpha8, Alpha9,
        Colon, Semicolon, Less, Equals, Greater, Question, At,
        LeftBracket = 91, Backslash, RightBracket, Caret, Underscore, BackQuote,
        A = 97, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
        LeftCurlyBracket, Pipe, RightCurlyBracket, Tilde, Delete = 127,
        Keypad0 = 256, Keypad1, Keypad2, Keypad3, Keypad4, Keypad5, Keypad6, Keypad7, Keypad8, Keypad9,
        KeypadPeriod, KeypadDivide, KeypadMultiply, KeypadMinus, KeypadPlus, KeypadEnter, KeypadEquals,
        UpArrow, DownArrow, RightArrow, LeftArrow, Insert, Home, End, PageUp, PageDown,
        F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13, F14, F15,
        Numlock = 300, CapsLock, ScrollLock, RightShift, LeftShift, RightControl, LeftControl, RightAlt, LeftAlt,
        RightCommand, RightApple = 309, LeftCommand, LeftApple = 310, LeftWindows, RightWindows, AltGr, Help = 315, Print, SysReq, Break, Menu,
        Mouse0 = 323, Mouse1, Mouse2, Mouse3, Mouse4, Mouse5, Mouse6,
        JoystickButton0 = 330, JoystickButton1, JoystickButton2, JoystickButton3, JoystickButton4, JoystickButton5, JoystickButton6, JoystickButton7
    }

    public class YieldInstruction { }
    public sealed class Coroutine : YieldInstruction { }
    public sealed class WaitForSeconds : YieldInstruction { public WaitForSeconds(float seconds) { } }
    public sealed class WaitForFixedUpdate : YieldInstruction { }
    public sealed class WaitForEndOfFrame : YieldInstruction { }
    public abstract class CustomYieldInstruction : IEnumerator
    {
        public abstract bool keepWaiting { get; }
        public object Current => null;
        public bool MoveNext() => keepWaiting;
        public virtual void Reset() { }
    }
    public sealed class WaitForSecondsRealtime : CustomYieldInstruction { public WaitForSecondsRealtime(float time) { } public float waitTime { get; set; } public override bool keepWaiting => false; }
    public sealed class WaitUntil : CustomYieldInstruction { public WaitUntil(Func<bool> predicate) { } public override bool keepWaiting => false; }
    public sealed class WaitWhile : CustomYieldInstruction { public WaitWhile(Func<bool> predicate) { } public override bool keepWaiting => false; }
    public class AsyncOperation : YieldInstruction
    {
        public bool isDone { get; }
        public float progress { get; }
        public bool allowSceneActivation { get; set; }
        public int priority { get; set; }
        public event Action<AsyncOperation> completed;
    }
    public class ResourceRequest : AsyncOperation { public Object asset { get; } }

    [AttributeUsage(AttributeTargets.Field)] public sealed class SerializeField : Attribute { }
    [AttributeUsage(AttributeTargets.Field)] public sealed class SerializeReference : Attribute { }
    [AttributeUsage(AttributeTargets.Field)] public sealed class HideInInspector : Attribute { }
    [AttributeUsage(AttributeTargets.Field, AllowMultiple = true)] public class PropertyAttribute : Attribute { }
    public sealed class HeaderAttribute : PropertyAttribute { public HeaderAttribute(string header) { } }
    public sealed class TooltipAttribute : PropertyAttribute { public TooltipAttribute(string tooltip) { } }
    public sealed class SpaceAttribute : PropertyAttribute { public SpaceAttribute() { } public SpaceAttribute(float height) { } }
    public sealed class RangeAttribute : PropertyAttribute { public RangeAttribute(float min, float max) { } }
    public sealed class MinAttribute : PropertyAttribute { public MinAttribute(float min) { } }
    public sealed class MultilineAttribute : PropertyAttribute { public MultilineAttribute() { } public MultilineAttribute(int lines) { } }
    public sealed class TextAreaAttribute : PropertyAttribute { public TextAreaAttribute() { } public TextAreaAttribute(int minLines, int maxLines) { } }
    public sealed class ColorUsageAttribute : PropertyAttribute { public ColorUsageAttribute(bool showAlpha) { } public ColorUsageAttribute(bool showAlpha, bool hdr) { } }
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)] public sealed class RequireComponent : Attribute { public RequireComponent(Type t) { } public RequireComponent(Type t, Type t2) { } public RequireComponent(Type t, Type t2, Type t3) { } }
    [AttributeUsage(AttributeTargets.Class)] public sealed class DisallowMultipleComponent : Attribute { }
    [AttributeUsage(AttributeTargets.Class)] public sealed class ExecuteInEditMode : Attribute { }
    [AttributeUsage(AttributeTargets.Class)] public sealed class ExecuteAlways : Attribute { }
    [AttributeUsage(AttributeTargets.Class)] public sealed class AddComponentMenu : Attribute { public AddComponentMenu(string menuName) { } public AddComponentMenu(string menuName, int order) { } }
    [AttributeUsage(AttributeTargets.Class)] public sealed class CreateAssetMenuAttribute : Attribute { public string fileName { get; set; } public string menuName { get; set; } public int order { get; set; } }
    [AttributeUsage(AttributeTargets.Class)] public sealed class DefaultExecutionOrder : Attribute { public DefaultExecutionOrder(int order) { } }
    [AttributeUsage(AttributeTargets.Class)] public sealed class SelectionBaseAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] public sealed class ContextMenu : Attribute { public ContextMenu(string itemName) { } public ContextMenu(string itemName, bool isValidateFunction) { } }
    [AttributeUsage(AttributeTargets.Field)] public sealed class ContextMenuItemAttribute : PropertyAttribute { public ContextMenuItemAttribute(string name, string function) { } }
    [AttributeUsage(AttributeTargets.Method)] public sealed class RuntimeInitializeOnLoadMethodAttribute : Attribute { public RuntimeInitializeOnLoadMethodAttribute() { } public RuntimeInitializeOnLoadMethodAttribute(RuntimeInitializeLoadType loadType) { } }
    public enum RuntimeInitializeLoadType { AfterSceneLoad, BeforeSceneLoad, AfterAssembliesLoaded, BeforeSplashScreen, SubsystemRegistration }

    public enum LogType { Error, Assert, Warning, Log, Exception }
    public enum SystemLanguage { English, French, German, Spanish, Chinese, Japanese, Korean, Unknown }
    public enum NetworkReachability { NotReachable, ReachableViaCarrierDataNetwork, ReachableViaLocalAreaNetwork }

    public static class Application
    {
        public static bool isPlaying { get; }
        public static bool isEditor { get; }
        public static bool isFocused { get; }
        public static bool isMobilePlatform { get; }
        public static bool runInBackground { get; set; }
        public static RuntimePlatform platform { get; }
        public static string dataPath { get; }
        public static string persistentDataPath { get; }
        public static string streamingAssetsPath { get; }
        public static string temporaryCachePath { get; }
        public static string version { get; }
        public static string productName { get; }
        public static string companyName { get; }
        public static string identifier { get; }
        public static string unityVersion { get; }
        public static int targetFrameRate { get; set; }
        public static SystemLanguage systemLanguage { get; }
        public static NetworkReachability internetReachability { get; }
        public static void Quit() { }
        public static void Quit(int exitCode) { }
        public static void OpenURL(string url) { }
        public delegate void LogCallback(string condition, string stackTrace, LogType type);
        public static event LogCallback logMessageReceived;
        public static event LogCallback logMessageReceivedThreaded;
        public static event Action quitting;
        public static event Action<bool> focusChanged;
    }

    public static class Screen
    {
        public static int width { get; }
        public static int height { get; }
        public static float dpi { get; }
        public static bool fullScreen { get; set; }
        public static Rect safeArea { get; }
        public static int sleepTimeout { get; set; }
        public static void SetResolution(int width, int height, bool fullscreen) { }
    }

    public static class Cursor
    {
        public static bool visible { get; set; }
        public static CursorLockMode lockState { get; set; }
    }

    public static class Resources
    {
        public static Object Load(string path) => null;
        public static Object Load(string path, Type systemTypeInstance) => null;
        public static T Load<T>(string path) where T : Object => null;
        public static Object[] LoadAll(string path) => null;
        public static Object[] LoadAll(string path, Type systemTypeInstance) => null;
        public static T[] LoadAll<T>(string path) where T : Object => null;
        public static ResourceRequest LoadAsync(string path) => null;
        public static ResourceRequest LoadAsync<T>(string path) where T : Object => null;
        public static T[] FindObjectsOfTypeAll<T>() where T : Object => null;
        public static void UnloadAsset(Object assetToUnload) { }
        public static AsyncOperation UnloadUnusedAssets() => null;
    }

    public class Texture : Object
    {
        public int width { get; set; }
        public int height { get; set; }
        public FilterMode filterMode { get; set; }
        public TextureWrapMode wrapMode { get; set; }
        public int anisoLevel { get; set; }
        public int mipmapCount { get; }
    }

    public sealed class Texture2D : Texture
    {
        public Texture2D(int width, int height) { }
        public Texture2D(int width, int height, TextureFormat textureFormat, bool mipChain) { }
        public Texture2D(int width, int height, TextureFormat textureFormat, bool mipChain, bool linear) { }
        public TextureFormat format { get; }
        public static Texture2D whiteTexture { get; }
        public static Texture2D blackTexture { get; }
        public Color GetPixel(int x, int y) => default;
        public Color GetPixelBilinear(float u, float v) => default;
        public Color[] GetPixels() => null;
        public Color[] GetPixels(int x, int y, int blockWidth, int blockHeight) => null;
        public Color32[] GetPixels32() => null;
        public void SetPixel(int x, int y, Color color) { }
        public void SetPixels(Color[] colors) { }
        public void SetPixels(int x, int y, int blockWidth, int blockHeight, Color[] colors) { }
        public void SetPixels32(Color32[] colors) { }
        public void Apply() { }
        public void Apply(bool updateMipmaps) { }
        public void Apply(bool updateMipmaps, bool makeNoLongerReadable) { }
        public bool Resize(int width, int height) => false;
        public bool Reinitialize(int width, int height) => false;
        public void ReadPixels(Rect source, int destX, int destY) { }
        public void ReadPixels(Rect source, int destX, int destY, bool recalculateMipMaps) { }
        public byte[] GetRawTextureData() => null;
        public void LoadRawTextureData(byte[] data) { }
        public bool LoadImage(byte[] data) => false;
        public byte[] EncodeToPNG() => null;
        public byte[] EncodeToJPG() => null;
        public byte[] EncodeToJPG(int quality) => null;
    }

    public class RenderTexture : Texture
    {
        public RenderTexture(int width, int height, int depth) { }
        public static RenderTexture active { get; set; }
        public bool Create() => false;
        public void Release() { }
        public static RenderTexture GetTemporary(int width, int height) => null;
        public static RenderTexture GetTemporary(int width, int height, int depthBuffer) => null;
        public static void ReleaseTemporary(RenderTexture temp) { }
    }

    public sealed class Sprite : Object
    {
        public Rect rect { get; }
        public Rect textureRect { get; }
        public Bounds bounds { get; }
        public Texture2D texture { get; }
        public Vector2 pivot { get; }
        public float pixelsPerUnit { get; }
        public Vector2[] vertices { get; }
        public ushort[] triangles { get; }
        public Vector2[] uv { get; }
        public static Sprite Create(Texture2D texture, Rect rect, Vector2 pivot) => null;
        public static Sprite Create(Texture2D texture, Rect rect, Vector2 pivot, float pixelsPerUnit) => null;
    }

    public enum MeshTopology { Triangles = 0, Quads = 2, Lines = 3, LineStrip = 4, Points = 5 }

    public sealed class Mesh : Object
    {
        public Mesh() { }
        public Vector3[] vertices { get; set; }
        public Vector3[] normals { get; set; }
        public Vector4[] tangents { get; set; }
        public Vector2[] uv { get; set; }
        public Vector2[] uv2 { get; set; }
        public Color[] colors { get; set; }
        public Color32[] colors32 { get; set; }
        public int[] triangles { get; set; }
        public int vertexCount { get; }
        public int subMeshCount { get; set; }
        public Bounds bounds { get; set; }
        public bool isReadable { get; }
        public void Clear() { }
        public void Clear(bool keepVertexLayout) { }
        public void RecalculateNormals() { }
        public void RecalculateBounds() { }
        public void RecalculateTangents() { }
        public void MarkDynamic() { }
        public void UploadMeshData(bool markNoLongerReadable) { }
        public void Optimize() { }
        public void SetVertices(List<Vector3> inVertices) { }
        public void SetVertices(Vector3[] inVertices) { }
        public void SetNormals(List<Vector3> inNormals) { }
        public void SetColors(List<Color> inColors) { }
        public void SetColors(List<Color32> inColors) { }
        public void SetUVs(int channel, List<Vector2> uvs) { }
        public void SetUVs(int channel, List<Vector3> uvs) { }
        public void SetUVs(int channel, List<Vector4> uvs) { }
        public void SetTriangles(int[] triangles, int submesh) { }
        public void SetTriangles(List<int> triangles, int submesh) { }
        public void SetIndices(int[] indices, MeshTopology topology, int submesh) { }
        public void GetVertices(List<Vector3> vertices) { }
        public void GetNormals(List<Vector3> normals) { }
        public void GetUVs(int channel, List<Vector2> uvs) { }
        public void GetTriangles(List<int> triangles, int submesh) { }
        public int[] GetTriangles(int submesh) => null;
        public int[] GetIndices(int submesh) => null;
        public void CombineMeshes(CombineInstance[] combine) { }
        public void CombineMeshes(CombineInstance[] combine, bool mergeSubMeshes) { }
    }

    public struct CombineInstance { public Mesh mesh { get; set; } public int subMeshIndex { get; set; } public Matrix4x4 transform { get; set; } }

    public class Shader : Object
    {
        public static Shader Find(string name) => null;
        public static int PropertyToID(string name) => 0;
        public static void SetGlobalFloat(string name, float value) { }
        public static void SetGlobalFloat(int nameID, float value) { }
        public static void SetGlobalVector(string name, Vector4 value) { }
        public static void SetGlobalVector(int nameID, Vector4 value) { }
        public static void SetGlobalColor(string name, Color value) { }
        public static void SetGlobalTexture(string name, Texture value) { }
        public static void SetGlobalMatrix(string name, Matrix4x4 value) { }
    }

    public class Material : Object
    {
        public Material(Shader shader) { }
        public Material(Material source) { }
        public Color color { get; set; }
        public Texture mainTexture { get; set; }
        public Shader shader { get; set; }
        public int renderQueue { get; set; }
        public void SetFloat(string name, float value) { }
        public void SetFloat(int nameID, float value) { }
        public void SetInt(string name, int value) { }
        public void SetInt(int nameID, int value) { }
        public void SetColor(string name, Color value) { }
        public void SetColor(int nameID, Color value) { }
        public void SetVector(string name, Vector4 value) { }
        public void SetVector(int nameID, Vector4 value) { }
        public void SetTexture(string name, Texture value) { }
        public void SetTexture(int nameID, Texture value) { }
        public void SetMatrix(string name, Matrix4x4 value) { }
        public void SetFloatArray(string name, float[] values) { }
        public void SetFloatArray(string name, List<float> values) { }
        public void SetVectorArray(string name, Vector4[] values) { }
        public void SetVectorArray(string name, List<Vector4> values) { }
        public float GetFloat(string name) => 0;
        public float GetFloat(int nameID) => 0;
        public int GetInt(string name) => 0;
        public Color GetColor(string name) => default;
        public Color GetColor(int nameID) => default;
        public Vector4 GetVector(string name) => default;
        public Texture GetTexture(string name) => null;
        public bool HasProperty(string name) => false;
        public bool HasProperty(int nameID) => false;
        public void EnableKeyword(string keyword) { }
        public void DisableKeyword(string keyword) { }
        public bool IsKeywordEnabled(string keyword) => false;
        public bool SetPass(int pass) => false;
        public void CopyPropertiesFromMaterial(Material mat) { }
    }

    public class MaterialPropertyBlock
    {
        public void SetFloat(string name, float value) { }
        public void SetFloat(int nameID, float value) { }
        public void SetColor(string name, Color value) { }
        public void SetColor(int nameID, Color value) { }
        public void SetVector(int nameID, Vector4 value) { }
        public void SetTexture(int nameID, Texture value) { }
        public void Clear() { }
    }

    public class Renderer : Component
    {
        public bool enabled { get; set; }
        public bool isVisible { get; }
        public Material material { get; set; }
        public Material sharedMaterial { get; set; }
        public Material[] materials { get; set; }
        public Material[] sharedMaterials { get; set; }
        public Bounds bounds { get; }
        public int sortingOrder { get; set; }
        public string sortingLayerName { get; set; }
        public int sortingLayerID { get; set; }
        public void SetPropertyBlock(MaterialPropertyBlock properties) { }
        public void GetPropertyBlock(MaterialPropertyBlock dest) { }
        public void GetMaterials(List<Material> m) { }
        public void GetSharedMaterials(List<Material> m) { }
    }

    public class MeshRenderer : Renderer { }
    public class SkinnedMeshRenderer : Renderer { public Mesh sharedMesh { get; set; } public Transform[] bones { get; set; } public void BakeMesh(Mesh mesh) { } }
    public class LineRenderer : Renderer { public int positionCount { get; set; } public float startWidth { get; set; } public float endWidth { get; set; } public Color startColor { get; set; } public Color endColor { get; set; } public bool useWorldSpace { get; set; } public void SetPosition(int index, Vector3 position) { } public void SetPositions(Vector3[] positions) { } public Vector3 GetPosition(int index) => default; public int GetPositions(Vector3[] positions) => 0; }
    public class TrailRenderer : Renderer { public float time { get; set; } public void Clear() { } }
    public sealed class SpriteRenderer : Renderer { public Sprite sprite { get; set; } public Color color { get; set; } public bool flipX { get; set; } public bool flipY { get; set; } public Vector2 size { get; set; } }
    public sealed class MeshFilter : Component { public Mesh mesh { get; set; } public Mesh sharedMesh { get; set; } }

    public class Light : Behaviour { public Color color { get; set; } public float intensity { get; set; } public float range { get; set; } public float spotAngle { get; set; } }

    public sealed class AudioClip : Object
    {
        public float length { get; }
        public int samples { get; }
        public int channels { get; }
        public int frequency { get; }
        public bool GetData(float[] data, int offsetSamples) => false;
        public bool SetData(float[] data, int offsetSamples) => false;
        public static AudioClip Create(string name, int lengthSamples, int channels, int frequency, bool stream) => null;
    }

    public class AudioSource : Behaviour
    {
        public AudioClip clip { get; set; }
        public float volume { get; set; }
        public float pitch { get; set; }
        public bool loop { get; set; }
        public bool mute { get; set; }
        public bool playOnAwake { get; set; }
        public bool isPlaying { get; }
        public float time { get; set; }
        public int timeSamples { get; set; }
        public float spatialBlend { get; set; }
        public float panStereo { get; set; }
        public float minDistance { get; set; }
        public float maxDistance { get; set; }
        public int priority { get; set; }
        public void Play() { }
        public void Play(ulong delay) { }
        public void PlayDelayed(float delay) { }
        public void PlayScheduled(double time) { }
        public void PlayOneShot(AudioClip clip) { }
        public void PlayOneShot(AudioClip clip, float volumeScale) { }
        public void Stop() { }
        public void Pause() { }
        public void UnPause() { }
        public void GetOutputData(float[] samples, int channel) { }
        public void GetSpectrumData(float[] samples, int channel, FFTWindow window) { }
        public static void PlayClipAtPoint(AudioClip clip, Vector3 position) { }
        public static void PlayClipAtPoint(AudioClip clip, Vector3 position, float volume) { }
    }

    public enum FFTWindow { Rectangular, Triangle, Hamming, Hanning, Blackman, BlackmanHarris }
    public class AudioListener : Behaviour { public static float volume { get; set; } public static bool pause { get; set; } public static void GetOutputData(float[] samples, int channel) { } public static void GetSpectrumData(float[] samples, int channel, FFTWindow window) { } }

    public class RuntimeAnimatorController : Object { public AnimationClip[] animationClips { get; } }
    public sealed class AnimationClip : Object { public float length { get; } public float frameRate { get; set; } public bool legacy { get; set; } }
    public struct AnimatorStateInfo { public int fullPathHash { get; } public int shortNameHash { get; } public float normalizedTime { get; } public float length { get; } public bool loop { get; } public bool IsName(string name) => false; public bool IsTag(string tag) => false; }
    public struct AnimatorClipInfo { public AnimationClip clip { get; } public float weight { get; } }

    public class Animator : Behaviour
    {
        public RuntimeAnimatorController runtimeAnimatorController { get; set; }
        public float speed { get; set; }
        public bool applyRootMotion { get; set; }
        public bool isInitialized { get; }
        public Vector3 deltaPosition { get; }
        public Quaternion deltaRotation { get; }
        public int layerCount { get; }
        public void SetBool(string name, bool value) { }
        public void SetBool(int id, bool value) { }
        public void SetFloat(string name, float value) { }
        public void SetFloat(int id, float value) { }
        public void SetFloat(string name, float value, float dampTime, float deltaTime) { }
        public void SetInteger(string name, int value) { }
        public void SetInteger(int id, int value) { }
        public void SetTrigger(string name) { }
        public void SetTrigger(int id) { }
        public void ResetTrigger(string name) { }
        public void ResetTrigger(int id) { }
        public bool GetBool(string name) => false;
        public bool GetBool(int id) => false;
        public float GetFloat(string name) => 0;
        public float GetFloat(int id) => 0;
        public int GetInteger(string name) => 0;
        public void Play(string stateName) { }
        public void Play(string stateName, int layer) { }
        public void Play(string stateName, int layer, float normalizedTime) { }
        public void Play(int stateNameHash, int layer, float normalizedTime) { }
        public void CrossFade(string stateName, float transitionDuration) { }
        public void CrossFade(string stateName, float transitionDuration, int layer) { }
        public void CrossFadeInFixedTime(string stateName, float transitionDuration) { }
        public AnimatorStateInfo GetCurrentAnimatorStateInfo(int layerIndex) => default;
        public AnimatorStateInfo GetNextAnimatorStateInfo(int layerIndex) => default;
        public AnimatorClipInfo[] GetCurrentAnimatorClipInfo(int layerIndex) => null;
        public void GetCurrentAnimatorClipInfo(int layerIndex, List<AnimatorClipInfo> clips) { }
        public bool IsInTransition(int layerIndex) => false;
        public void SetLayerWeight(int layerIndex, float weight) { }
        public float GetLayerWeight(int layerIndex) => 0;
        public Transform GetBoneTransform(HumanBodyBones humanBoneId) => null;
        public void Rebind() { }
        public void Update(float deltaTime) { }
        public static int StringToHash(string name) => 0;
    }

    public enum HumanBodyBones { Hips, LeftUpperLeg, RightUpperLeg, Spine, Chest, Neck, Head, LeftHand, RightHand, LastBone }

    public class Animation : Behaviour, IEnumerable
    {
        public AnimationClip clip { get; set; }
        public bool isPlaying { get; }
        public bool Play() => false;
        public bool Play(string animation) => false;
        public void Stop() { }
        public void CrossFade(string animation) { }
        public bool IsPlaying(string name) => false;
        public IEnumerator GetEnumerator() => null;
    }

    public class ParticleSystem : Component
    {
        public bool isPlaying { get; }
        public bool isStopped { get; }
        public int particleCount { get; }
        public void Play() { }
        public void Play(bool withChildren) { }
        public void Stop() { }
        public void Stop(bool withChildren) { }
        public void Pause() { }
        public void Clear() { }
        public void Emit(int count) { }
        public void Simulate(float t) { }
        public bool IsAlive() => false;
        public int GetParticles(Particle[] particles) => 0;
        public void SetParticles(Particle[] particles, int size) { }
        public struct Particle { public Vector3 position { get; set; } public Vector3 velocity { get; set; } public float remainingLifetime { get; set; } public Color32 startColor { get; set; } public float startSize { get; set; } }
    }

    public static class Random
    {
        public static int seed { get; set; }
        public static float value { get; }
        public static Vector3 insideUnitSphere { get; }
        public static Vector2 insideUnitCircle { get; }
        public static Vector3 onUnitSphere { get; }
        public static Quaternion rotation { get; }
        public static Quaternion rotationUniform { get; }
        public static Color ColorHSV() => default;
        public static Color ColorHSV(float hueMin, float hueMax) => default;
        public static Color ColorHSV(float hueMin, float hueMax, float saturationMin, float saturationMax, float valueMin, float valueMax) => default;
        public static float Range(float minInclusive, float maxInclusive) => 0;
        public static int Range(int minInclusive, int maxExclusive) => 0;
        public static void InitState(int seed) { }
        public static State state { get; set; }
        [Serializable] public struct State { }
    }

    public static class PlayerPrefs
    {
        public static void SetInt(string key, int value) { }
        public static int GetInt(string key) => 0;
        public static int GetInt(string key, int defaultValue) => 0;
        public static void SetFloat(string key, float value) { }
        public static float GetFloat(string key) => 0;
        public static float GetFloat(string key, float defaultValue) => 0;
        public static void SetString(string key, string value) { }
        public static string GetString(string key) => "";
        public static string GetString(string key, string defaultValue) => "";
        public static bool HasKey(string key) => false;
        public static void DeleteKey(string key) { }
        public static void DeleteAll() { }
        public static void Save() { }
    }

    public static class JsonUtility
    {
        public static string ToJson(object obj) => "";
        public static string ToJson(object obj, bool prettyPrint) => "";
        public static T FromJson<T>(string json) => default;
        public static object FromJson(string json, Type type) => null;
        public static void FromJsonOverwrite(string json, object objectToOverwrite) { }
    }

    public static class SystemInfo
    {
        public static string deviceUniqueIdentifier { get; }
        public static string deviceModel { get; }
        public static string deviceName { get; }
        public static string operatingSystem { get; }
        public static int systemMemorySize { get; }
        public static int processorCount { get; }
        public static string graphicsDeviceName { get; }
        public static bool supportsComputeShaders { get; }
    }

    public static class QualitySettings
    {
        public static int vSyncCount { get; set; }
        public static int antiAliasing { get; set; }
        public static int GetQualityLevel() => 0;
        public static void SetQualityLevel(int index) { }
        public static void SetQualityLevel(int index, bool applyExpensiveChanges) { }
        public static string[] names { get; }
    }

    public static class Graphics
    {
        public static void Blit(Texture source, RenderTexture dest) { }
        public static void Blit(Texture source, RenderTexture dest, Material mat) { }
        public static void DrawMesh(Mesh mesh, Matrix4x4 matrix, Material material, int layer) { }
        public static void DrawMeshInstanced(Mesh mesh, int submeshIndex, Material material, Matrix4x4[] matrices) { }
        public static void DrawMeshInstanced(Mesh mesh, int submeshIndex, Material material, Matrix4x4[] matrices, int count) { }
        public static void DrawMeshInstanced(Mesh mesh, int submeshIndex, Material material, List<Matrix4x4> matrices) { }
    }

    public static class GL
    {
        public const int LINES = 1;
        public const int TRIANGLES = 4;
        public const int QUADS = 7;
        public static void PushMatrix() { }
        public static void PopMatrix() { }
        public static void Begin(int mode) { }
        public static void End() { }
        public static void Vertex(Vector3 v) { }
        public static void Vertex3(float x, float y, float z) { }
        public static void Color(Color c) { }
        public static void LoadOrtho() { }
        public static void Clear(bool clearDepth, bool clearColor, Color backgroundColor) { }
    }

    public static class GUI
    {
        public static Color color { get; set; }
        public static Color backgroundColor { get; set; }
        public static bool enabled { get; set; }
        public static int depth { get; set; }
        public static GUISkin skin { get; set; }
        public static Matrix4x4 matrix { get; set; }
        public static void Label(Rect position, string text) { }
        public static void Label(Rect position, string text, GUIStyle style) { }
        public static void Label(Rect position, GUIContent content) { }
        public static void Label(Rect position, GUIContent content, GUIStyle style) { }
        public static bool Button(Rect position, string text) => false;
        public static bool Button(Rect position, string text, GUIStyle style) => false;
        public static bool Button(Rect position, GUIContent content) => false;
        public static void Box(Rect position, string text) { }
        public static void Box(Rect position, string text, GUIStyle style) { }
        public static void DrawTexture(Rect position, Texture image) { }
        public static string TextField(Rect position, string text) => text;
        public static bool Toggle(Rect position, bool value, string text) => value;
        public static float HorizontalSlider(Rect position, float value, float leftValue, float rightValue) => value;
        public static void BeginGroup(Rect position) { }
        public static void EndGroup() { }
        public static void FocusControl(string name) { }
        public static void SetNextControlName(string name) { }
        public static Rect Window(int id, Rect clientRect, WindowFunction func, string text) => clientRect;
        public static void DragWindow() { }
        public static void DragWindow(Rect position) { }
        public delegate void WindowFunction(int id);
        public static bool changed { get; set; }
    }

    public sealed class GUILayoutOption { }

    public static class GUILayout
    {
        public static void Label(string text, params GUILayoutOption[] options) { }
        public static void Label(string text, GUIStyle style, params GUILayoutOption[] options) { }
        public static void Label(GUIContent content, params GUILayoutOption[] options) { }
        public static void Label(Texture image, params GUILayoutOption[] options) { }
        public static bool Button(string text, params GUILayoutOption[] options) => false;
        public static bool Button(string text, GUIStyle style, params GUILayoutOption[] options) => false;
        public static bool Button(GUIContent content, params GUILayoutOption[] options) => false;
        public static bool Toggle(bool value, string text, params GUILayoutOption[] options) => value;
        public static string TextField(string text, params GUILayoutOption[] options) => text;
        public static string TextArea(string text, params GUILayoutOption[] options) => text;
        public static float HorizontalSlider(float value, float leftValue, float rightValue, params GUILayoutOption[] options) => value;
        public static void Box(string text, params GUILayoutOption[] options) { }
        public static void Space(float pixels) { }
        public static void FlexibleSpace() { }
        public static void BeginHorizontal(params GUILayoutOption[] options) { }
        public static void BeginHorizontal(GUIStyle style, params GUILayoutOption[] options) { }
        public static void EndHorizontal() { }
        public static void BeginVertical(params GUILayoutOption[] options) { }
        public static void BeginVertical(GUIStyle style, params GUILayoutOption[] options) { }
        public static void BeginVertical(string text, GUIStyle style, params GUILayoutOption[] options) { }
        public static void EndVertical() { }
        public static void BeginArea(Rect screenRect) { }
        public static void EndArea() { }
        public static Vector2 BeginScrollView(Vector2 scrollPosition, params GUILayoutOption[] options) => scrollPosition;
        public static void EndScrollView() { }
        public static int Toolbar(int selected, string[] texts, params GUILayoutOption[] options) => selected;
        public static int SelectionGrid(int selected, string[] texts, int xCount, params GUILayoutOption[] options) => selected;
        public static GUILayoutOption Width(float width) => null;
        public static GUILayoutOption Height(float height) => null;
        public static GUILayoutOption MinWidth(float minWidth) => null;
        public static GUILayoutOption MaxWidth(float maxWidth) => null;
        public static GUILayoutOption MinHeight(float minHeight) => null;
        public static GUILayoutOption MaxHeight(float maxHeight) => null;
        public static GUILayoutOption ExpandWidth(bool expand) => null;
        public static GUILayoutOption ExpandHeight(bool expand) => null;
        public static Rect Window(int id, Rect screenRect, GUI.WindowFunction func, string text, params GUILayoutOption[] options) => screenRect;
    }

    public class GUIStyle
    {
        public GUIStyle() { }
        public GUIStyle(GUIStyle other) { }
        public static GUIStyle none { get; }
        public int fontSize { get; set; }
        public FontStyle fontStyle { get; set; }
        public TextAnchor alignment { get; set; }
        public bool wordWrap { get; set; }
        public bool richText { get; set; }
        public GUIStyleState normal { get; set; }
        public GUIStyleState hover { get; set; }
        public GUIStyleState active { get; set; }
        public RectOffset padding { get; set; }
        public RectOffset margin { get; set; }
        public float fixedWidth { get; set; }
        public float fixedHeight { get; set; }
        public Vector2 CalcSize(GUIContent content) => default;
        public float CalcHeight(GUIContent content, float width) => 0;
        public static implicit operator GUIStyle(string str) => null;
    }

    public class GUIStyleState { public Color textColor { get; set; } public Texture2D background { get; set; } }
    public class GUISkin : ScriptableObject { public GUIStyle label { get; set; } public GUIStyle button { get; set; } public GUIStyle box { get; set; } public GUIStyle textField { get; set; } public GUIStyle window { get; set; } public GUIStyle GetStyle(string styleName) => null; }
    public class RectOffset { public RectOffset() { } public RectOffset(int left, int right, int top, int bottom) { } public int left { get; set; } public int right { get; set; } public int top { get; set; } public int bottom { get; set; } public int horizontal { get; } public int vertical { get; } }
    public class GUIContent
    {
        public GUIContent() { }
        public GUIContent(string text) { }
        public GUIContent(string text, string tooltip) { }
        public GUIContent(Texture image) { }
        public GUIContent(string text, Texture image) { }
        public GUIContent(string text, Texture image, string tooltip) { }
        public string text { get; set; }
        public string tooltip { get; set; }
        public Texture image { get; set; }
        public static GUIContent none { get; }
    }
    public enum FontStyle { Normal, Bold, Italic, BoldAndItalic }
    public enum TextAnchor { UpperLeft, UpperCenter, UpperRight, MiddleLeft, MiddleCenter, MiddleRight, LowerLeft, LowerCenter, LowerRight }
    public class Font : Object { }
    public class TextAsset : Object { public TextAsset() { } public TextAsset(string text) { } public string text { get; } public byte[] bytes { get; } }
    public sealed class Event
    {
        public static Event current { get; set; }
        public EventType type { get; set; }
        public Vector2 mousePosition { get; set; }
        public Vector2 delta { get; set; }
        public int button { get; set; }
        public KeyCode keyCode { get; set; }
        public char character { get; set; }
        public bool shift { get; }
        public bool control { get; }
        public bool alt { get; }
        public void Use() { }
    }
    public enum EventType { MouseDown, MouseUp, MouseMove, MouseDrag, KeyDown, KeyUp, ScrollWheel, Repaint, Layout, DragUpdated, DragPerform, Ignore, Used }

    public class WWW : IDisposable { public WWW(string url) { } public string text { get; } public byte[] bytes { get; } public string error { get; } public bool isDone { get; } public void Dispose() { } }
}

namespace UnityEngine.Events
{
    public abstract class UnityEventBase { public void RemoveAllListeners() { } }
    public delegate void UnityAction();
    public delegate void UnityAction<T0>(T0 arg0);
    public delegate void UnityAction<T0, T1>(T0 arg0, T1 arg1);
    public class UnityEvent : UnityEventBase { public void AddListener(UnityAction call) { } public void RemoveListener(UnityAction call) { } public void Invoke() { } }
    public class UnityEvent<T0> : UnityEventBase { public void AddListener(UnityAction<T0> call) { } public void RemoveListener(UnityAction<T0> call) { } public void Invoke(T0 arg0) { } }
    public class UnityEvent<T0, T1> : UnityEventBase { public void AddListener(UnityAction<T0, T1> call) { } public void RemoveListener(UnityAction<T0, T1> call) { } public void Invoke(T0 arg0, T1 arg1) { } }
}

namespace UnityEngine.SceneManagement
{
    public struct Scene { public string name { get; } public string path { get; } public int buildIndex { get; } public bool isLoaded { get; } public bool IsValid() => false; public GameObject[] GetRootGameObjects() => null; public void GetRootGameObjects(System.Collections.Generic.List<GameObject> rootGameObjects) { } }
    public enum LoadSceneMode { Single, Additive }
    public static class SceneManager
    {
        public static int sceneCount { get; }
        public static int sceneCountInBuildSettings { get; }
        public static Scene GetActiveScene() => default;
        public static bool SetActiveScene(Scene scene) => false;
        public static Scene GetSceneAt(int index) => default;
        public static Scene GetSceneByName(string name) => default;
        public static Scene GetSceneByBuildIndex(int buildIndex) => default;
        public static void LoadScene(string sceneName) { }
        public static void LoadScene(int sceneBuildIndex) { }
        public static void LoadScene(string sceneName, LoadSceneMode mode) { }
        public static void LoadScene(int sceneBuildIndex, LoadSceneMode mode) { }
        public static AsyncOperation LoadSceneAsync(string sceneName) => null;
        public static AsyncOperation LoadSceneAsync(int sceneBuildIndex) => null;
        public static AsyncOperation LoadSceneAsync(string sceneName, LoadSceneMode mode) => null;
        public static AsyncOperation LoadSceneAsync(int sceneBuildIndex, LoadSceneMode mode) => null;
        public static AsyncOperation UnloadSceneAsync(string sceneName) => null;
        public static AsyncOperation UnloadSceneAsync(Scene scene) => null;
        public static void MoveGameObjectToScene(GameObject go, Scene scene) { }
        public static event UnityEngine.Events.UnityAction<Scene, LoadSceneMode> sceneLoaded;
        public static event UnityEngine.Events.UnityAction<Scene> sceneUnloaded;
        public static event UnityEngine.Events.UnityAction<Scene, Scene> activeSceneChanged;
    }
}

namespace UnityEngine.Serialization
{
    [AttributeUsage(AttributeTargets.Field)] public sealed class FormerlySerializedAsAttribute : Attribute { public FormerlySerializedAsAttribute(string oldName) { } }
}

namespace UnityEngine.Profiling
{
    public static class Profiler { public static void BeginSample(string name) { } public static void BeginSample(string name, Object targetObject) { } public static void EndSample() { } public static long GetTotalAllocatedMemoryLong() => 0; public static long GetMonoUsedSizeLong() => 0; }
}

namespace UnityEngine.Assertions
{
    public static class Assert
    {
        public static void IsTrue(bool condition) { }
        public static void IsTrue(bool condition, string message) { }
        public static void IsFalse(bool condition) { }
        public static void IsFalse(bool condition, string message) { }
        public static void IsNull<T>(T value) where T : class { }
        public static void IsNull<T>(T value, string message) where T : class { }
        public static void IsNotNull<T>(T value) where T : class { }
        public static void IsNotNull<T>(T value, string message) where T : class { }
        public static void AreEqual<T>(T expected, T actual) { }
        public static void AreEqual<T>(T expected, T actual, string message) { }
        public static void AreNotEqual<T>(T expected, T actual) { }
    }
}

namespace UnityEngine.Networking
{
    public class DownloadHandler : IDisposable { public string text { get; } public byte[] data { get; } public void Dispose() { } }
    public sealed class DownloadHandlerBuffer : DownloadHandler { }
    public class UploadHandler : IDisposable { public void Dispose() { } }
    public sealed class UploadHandlerRaw : UploadHandler { public UploadHandlerRaw(byte[] data) { } }
    public class UnityWebRequestAsyncOperation : AsyncOperation { public UnityWebRequest webRequest { get; } }
    public class UnityWebRequest : IDisposable
    {
        public UnityWebRequest() { }
        public UnityWebRequest(string url, string method) { }
        public enum Result { InProgress, Success, ConnectionError, ProtocolError, DataProcessingError }
        public Result result { get; }
        public string url { get; set; }
        public string method { get; set; }
        public string error { get; }
        public bool isDone { get; }
        public bool isNetworkError { get; }
        public bool isHttpError { get; }
        public long responseCode { get; }
        public int timeout { get; set; }
        public float downloadProgress { get; }
        public DownloadHandler downloadHandler { get; set; }
        public UploadHandler uploadHandler { get; set; }
        public void SetRequestHeader(string name, string value) { }
        public string GetResponseHeader(string name) => null;
        public UnityWebRequestAsyncOperation SendWebRequest() => null;
        public void Abort() { }
        public void Dispose() { }
        public static UnityWebRequest Get(string uri) => null;
        public static UnityWebRequest Post(string uri, string postData) => null;
        public static UnityWebRequest Put(string uri, byte[] bodyData) => null;
        public static UnityWebRequest Delete(string uri) => null;
    }
}

namespace UnityEditor
{
    using UnityEngine;
    using Object = UnityEngine.Object;

    public class Editor : ScriptableObject
    {
        public Object target { get; set; }
        public Object[] targets { get; }
        public SerializedObject serializedObject { get; }
        public virtual void OnInspectorGUI() { }
        public bool DrawDefaultInspector() => false;
        public virtual bool RequiresConstantRepaint() => false;
        public void Repaint() { }
        public static Editor CreateEditor(Object targetObject) => null;
    }

    public class EditorWindow : ScriptableObject
    {
        public Rect position { get; set; }
        public GUIContent titleContent { get; set; }
        public Vector2 minSize { get; set; }
        public Vector2 maxSize { get; set; }
        public bool wantsMouseMove { get; set; }
        public static T GetWindow<T>() where T : EditorWindow => null;
        public static T GetWindow<T>(string title) where T : EditorWindow => null;
        public static T GetWindow<T>(bool utility, string title) where T : EditorWindow => null;
        public static T GetWindow<T>(bool utility, string title, bool focus) where T : EditorWindow => null;
        public static EditorWindow GetWindow(Type t) => null;
        public static EditorWindow GetWindow(Type t, bool utility, string title) => null;
        public void Show() { }
        public void ShowUtility() { }
        public void Close() { }
        public void Repaint() { }
        public void Focus() { }
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class MenuItem : Attribute
    {
        public MenuItem(string itemName) { }
        public MenuItem(string itemName, bool isValidateFunction) { }
        public MenuItem(string itemName, bool isValidateFunction, int priority) { }
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
    public sealed class CustomEditor : Attribute
    {
        public CustomEditor(Type inspectedType) { }
        public CustomEditor(Type inspectedType, bool editorForChildClasses) { }
    }

    [AttributeUsage(AttributeTargets.Class)] public sealed class CanEditMultipleObjects : Attribute { }
    [AttributeUsage(AttributeTargets.Class)] public sealed class InitializeOnLoadAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] public sealed class InitializeOnLoadMethodAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)] public sealed class CustomPropertyDrawer : Attribute { public CustomPropertyDrawer(Type type) { } public CustomPropertyDrawer(Type type, bool useForChildren) { } }

    public abstract class PropertyDrawer
    {
        public virtual void OnGUI(Rect position, SerializedProperty property, GUIContent label) { }
        public virtual float GetPropertyHeight(SerializedProperty property, GUIContent label) => 0;
    }

    public class SerializedObject : IDisposable
    {
        public SerializedObject(Object obj) { }
        public Object targetObject { get; }
        public SerializedProperty FindProperty(string propertyPath) => null;
        public bool ApplyModifiedProperties() => false;
        public void Update() { }
        public SerializedProperty GetIterator() => null;
        public void Dispose() { }
    }

    public class SerializedProperty
    {
        public string name { get; }
        public string displayName { get; }
        public string propertyPath { get; }
        public int intValue { get; set; }
        public bool boolValue { get; set; }
        public float floatValue { get; set; }
        public string stringValue { get; set; }
        public Color colorValue { get; set; }
        public Vector2 vector2Value { get; set; }
        public Vector3 vector3Value { get; set; }
        public Object objectReferenceValue { get; set; }
        public int enumValueIndex { get; set; }
        public string[] enumNames { get; }
        public string[] enumDisplayNames { get; }
        public bool isArray { get; }
        public int arraySize { get; set; }
        public bool isExpanded { get; set; }
        public SerializedProperty GetArrayElementAtIndex(int index) => null;
        public void InsertArrayElementAtIndex(int index) { }
        public void DeleteArrayElementAtIndex(int index) { }
        public SerializedProperty FindPropertyRelative(string relativePropertyPath) => null;
        public bool NextVisible(bool enterChildren) => false;
        public bool Next(bool enterChildren) => false;
        public SerializedProperty Copy() => null;
    }

    public static class EditorGUILayout
    {
        public static void LabelField(string label, params GUILayoutOption[] options) { }
        public static void LabelField(string label, string label2, params GUILayoutOption[] options) { }
        public static void LabelField(string label, GUIStyle style, params GUILayoutOption[] options) { }
        public static void LabelField(GUIContent label, params GUILayoutOption[] options) { }
        public static bool PropertyField(SerializedProperty property, params GUILayoutOption[] options) => false;
        public static bool PropertyField(SerializedProperty property, bool includeChildren, params GUILayoutOption[] options) => false;
        public static bool PropertyField(SerializedProperty property, GUIContent label, params GUILayoutOption[] options) => false;
        public static bool PropertyField(SerializedProperty property, GUIContent label, bool includeChildren, params GUILayoutOption[] options) => false;
        public static int IntField(string label, int value, params GUILayoutOption[] options) => value;
        public static int IntField(int value, params GUILayoutOption[] options) => value;
        public static float FloatField(string label, float value, params GUILayoutOption[] options) => value;
        public static float FloatField(float value, params GUILayoutOption[] options) => value;
        public static string TextField(string label, string text, params GUILayoutOption[] options) => text;
        public static string TextField(string text, params GUILayoutOption[] options) => text;
        public static string TextArea(string text, params GUILayoutOption[] options) => text;
        public static bool Toggle(string label, bool value, params GUILayoutOption[] options) => value;
        public static bool Toggle(bool value, params GUILayoutOption[] options) => value;
        public static bool ToggleLeft(string label, bool value, params GUILayoutOption[] options) => value;
        public static bool Foldout(bool foldout, string content) => foldout;
        public static bool Foldout(bool foldout, string content, bool toggleOnLabelClick) => foldout;
        public static float Slider(string label, float value, float leftValue, float rightValue, params GUILayoutOption[] options) => value;
        public static float Slider(float value, float leftValue, float rightValue, params GUILayoutOption[] options) => value;
        public static int IntSlider(string label, int value, int leftValue, int rightValue, params GUILayoutOption[] options) => value;
        public static Vector2 Vector2Field(string label, Vector2 value, params GUILayoutOption[] options) => value;
        public static Vector3 Vector3Field(string label, Vector3 value, params GUILayoutOption[] options) => value;
        public static Color ColorField(string label, Color value, params GUILayoutOption[] options) => value;
        public static Object ObjectField(string label, Object obj, Type objType, bool allowSceneObjects, params GUILayoutOption[] options) => obj;
        public static Object ObjectField(Object obj, Type objType, bool allowSceneObjects, params GUILayoutOption[] options) => obj;
        public static Enum EnumPopup(string label, Enum selected, params GUILayoutOption[] options) => selected;
        public static Enum EnumPopup(Enum selected, params GUILayoutOption[] options) => selected;
        public static Enum EnumFlagsField(string label, Enum enumValue, params GUILayoutOption[] options) => enumValue;
        public static int Popup(string label, int selectedIndex, string[] displayedOptions, params GUILayoutOption[] options) => selectedIndex;
        public static int Popup(int selectedIndex, string[] displayedOptions, params GUILayoutOption[] options) => selectedIndex;
        public static int MaskField(string label, int mask, string[] displayedOptions, params GUILayoutOption[] options) => mask;
        public static void HelpBox(string message, MessageType type) { }
        public static void Space() { }
        public static void Space(float width) { }
        public static void Separator() { }
        public static Rect BeginHorizontal(params GUILayoutOption[] options) => default;
        public static Rect BeginHorizontal(GUIStyle style, params GUILayoutOption[] options) => default;
        public static void EndHorizontal() { }
        public static Rect BeginVertical(params GUILayoutOption[] options) => default;
        public static Rect BeginVertical(GUIStyle style, params GUILayoutOption[] options) => default;
        public static void EndVertical() { }
        public static Vector2 BeginScrollView(Vector2 scrollPosition, params GUILayoutOption[] options) => scrollPosition;
        public static void EndScrollView() { }
        public static Rect GetControlRect(params GUILayoutOption[] options) => default;
        public static Rect GetControlRect(bool hasLabel, float height, params GUILayoutOption[] options) => default;
    }

    public enum MessageType { None, Info, Warning, Error }

    public static class EditorGUI
    {
        public static int indentLevel { get; set; }
        public static bool showMixedValue { get; set; }
        public static void BeginChangeCheck() { }
        public static bool EndChangeCheck() => false;
        public static void BeginDisabledGroup(bool disabled) { }
        public static void EndDisabledGroup() { }
        public static void LabelField(Rect position, string label) { }
        public static void LabelField(Rect position, GUIContent label) { }
        public static bool PropertyField(Rect position, SerializedProperty property) => false;
        public static bool PropertyField(Rect position, SerializedProperty property, GUIContent label) => false;
        public static bool PropertyField(Rect position, SerializedProperty property, GUIContent label, bool includeChildren) => false;
        public static GUIContent BeginProperty(Rect totalPosition, GUIContent label, SerializedProperty property) => label;
        public static void EndProperty() { }
        public static Rect PrefixLabel(Rect totalPosition, GUIContent label) => totalPosition;
        public static float GetPropertyHeight(SerializedProperty property) => 0;
        public static float GetPropertyHeight(SerializedProperty property, GUIContent label, bool includeChildren) => 0;
        public static void DrawRect(Rect rect, Color color) { }
        public static bool Foldout(Rect position, bool foldout, string content) => foldout;
        public static int Popup(Rect position, int selectedIndex, string[] displayedOptions) => selectedIndex;
        public static int Popup(Rect position, string label, int selectedIndex, string[] displayedOptions) => selectedIndex;
    }

    public static class EditorGUIUtility
    {
        public static float singleLineHeight { get; }
        public static float standardVerticalSpacing { get; }
        public static float labelWidth { get; set; }
        public static float currentViewWidth { get; }
        public static bool isProSkin { get; }
        public static GUIContent IconContent(string name) => null;
        public static Object Load(string path) => null;
        public static void PingObject(Object obj) { }
    }

    public static class EditorUtility
    {
        public static void SetDirty(Object target) { }
        public static bool DisplayDialog(string title, string message, string ok) => false;
        public static bool DisplayDialog(string title, string message, string ok, string cancel) => false;
        public static int DisplayDialogComplex(string title, string message, string ok, string cancel, string alt) => 0;
        public static bool DisplayCancelableProgressBar(string title, string info, float progress) => false;
        public static void DisplayProgressBar(string title, string info, float progress) { }
        public static void ClearProgressBar() { }
        public static string OpenFilePanel(string title, string directory, string extension) => "";
        public static string OpenFolderPanel(string title, string folder, string defaultName) => "";
        public static string SaveFilePanel(string title, string directory, string defaultName, string extension) => "";
        public static string SaveFilePanelInProject(string title, string defaultName, string extension, string message) => "";
        public static void CopySerialized(Object source, Object dest) { }
        public static bool IsPersistent(Object target) => false;
        public static Object InstanceIDToObject(int instanceID) => null;
        public static void FocusProjectWindow() { }
    }

    public static class AssetDatabase
    {
        public static void Refresh() { }
        public static void SaveAssets() { }
        public static void CreateAsset(Object asset, string path) { }
        public static void AddObjectToAsset(Object objectToAdd, Object assetObject) { }
        public static void AddObjectToAsset(Object objectToAdd, string path) { }
        public static void ImportAsset(string path) { }
        public static bool DeleteAsset(string path) => false;
        public static string CreateFolder(string parentFolder, string newFolderName) => "";
        public static bool IsValidFolder(string path) => false;
        public static string MoveAsset(string oldPath, string newPath) => "";
        public static bool CopyAsset(string path, string newPath) => false;
        public static string RenameAsset(string pathName, string newName) => "";
        public static string GetAssetPath(Object assetObject) => "";
        public static string GetAssetPath(int instanceID) => "";
        public static string AssetPathToGUID(string path) => "";
        public static string GUIDToAssetPath(string guid) => "";
        public static string[] FindAssets(string filter) => null;
        public static string[] FindAssets(string filter, string[] searchInFolders) => null;
        public static Object LoadAssetAtPath(string assetPath, Type type) => null;
        public static T LoadAssetAtPath<T>(string assetPath) where T : Object => null;
        public static Object LoadMainAssetAtPath(string assetPath) => null;
        public static Object[] LoadAllAssetsAtPath(string assetPath) => null;
        public static string[] GetDependencies(string pathName) => null;
        public static string[] GetDependencies(string pathName, bool recursive) => null;
        public static string[] GetAllAssetPaths() => null;
        public static void StartAssetEditing() { }
        public static void StopAssetEditing() { }
    }

    public static class Selection
    {
        public static Object activeObject { get; set; }
        public static GameObject activeGameObject { get; set; }
        public static Transform activeTransform { get; }
        public static Object[] objects { get; set; }
        public static GameObject[] gameObjects { get; }
        public static Transform[] transforms { get; }
        public static event Action selectionChanged;
    }

    public static class Undo
    {
        public static void RecordObject(Object objectToUndo, string name) { }
        public static void RecordObjects(Object[] objectsToUndo, string name) { }
        public static void RegisterCreatedObjectUndo(Object objectToUndo, string name) { }
        public static void DestroyObjectImmediate(Object objectToUndo) { }
        public static void RegisterCompleteObjectUndo(Object objectToUndo, string name) { }
        public static T AddComponent<T>(GameObject gameObject) where T : Component => null;
    }

    public static class EditorApplication
    {
        public static bool isPlaying { get; set; }
        public static bool isPaused { get; set; }
        public static bool isCompiling { get; }
        public static double timeSinceStartup { get; }
        public delegate void CallbackFunction();
        public static CallbackFunction update;
        public static CallbackFunction delayCall;
        public static CallbackFunction hierarchyChanged;
        public static event Action<PlayModeStateChange> playModeStateChanged;
        public static void QueuePlayerLoopUpdate() { }
        public static void ExecuteMenuItem(string menuItemPath) { }
    }

    public enum PlayModeStateChange { EnteredEditMode, ExitingEditMode, EnteredPlayMode, ExitingPlayMode }

    public static class EditorPrefs
    {
        public static void SetInt(string key, int value) { }
        public static int GetInt(string key) => 0;
        public static int GetInt(string key, int defaultValue) => 0;
        public static void SetFloat(string key, float value) { }
        public static float GetFloat(string key, float defaultValue) => 0;
        public static void SetString(string key, string value) { }
        public static string GetString(string key) => "";
        public static string GetString(string key, string defaultValue) => "";
        public static void SetBool(string key, bool value) { }
        public static bool GetBool(string key) => false;
        public static bool GetBool(string key, bool defaultValue) => false;
        public static bool HasKey(string key) => false;
        public static void DeleteKey(string key) { }
    }

    public class AssetPostprocessor
    {
        public string assetPath { get; }
    }

    public static class Handles
    {
        public static Color color { get; set; }
        public static Matrix4x4 matrix { get; set; }
        public static void DrawLine(Vector3 p1, Vector3 p2) { }
        public static void DrawWireDisc(Vector3 center, Vector3 normal, float radius) { }
        public static void Label(Vector3 position, string text) { }
        public static Vector3 PositionHandle(Vector3 position, Quaternion rotation) => position;
        public static void DrawPolyLine(params Vector3[] points) { }
        public static void DrawAAPolyLine(params Vector3[] points) { }
        public static void BeginGUI() { }
        public static void EndGUI() { }
    }

    public class SceneView : EditorWindow
    {
        public static SceneView lastActiveSceneView { get; }
        public static event Action<SceneView> duringSceneGui;
        public Camera camera { get; }
    }

    public static class PrefabUtility
    {
        public static Object InstantiatePrefab(Object target) => null;
        public static GameObject SaveAsPrefabAsset(GameObject instanceRoot, string assetPath) => null;
        public static bool IsPartOfPrefabAsset(Object componentOrGameObject) => false;
        public static GameObject GetOutermostPrefabInstanceRoot(Object componentOrGameObject) => null;
    }

    public class BuildTarget { }
}
